using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Samverkan.Reporting.Model;

namespace Samverkan.Reporting.Infrastructure.Configurations;

internal sealed class ParticipantTotalConfiguration : IEntityTypeConfiguration<ParticipantTotal>
{
    public void Configure(EntityTypeBuilder<ParticipantTotal> e)
    {
        e.ToTable("participant_totals");
        // Room in every page for updated rows (HOT updates): a scope's rows, written together by the rebuild, stay
        // together under a stream of events, so a report reads a few pages rather than one per row.
        e.HasStorageParameter("fillfactor", 70);
        e.HasKey(x => new { x.CollaborationId, x.Dimension, x.Key, x.Gender });
        e.Property(x => x.CollaborationId).HasColumnName("collaboration_id");
        e.Property(x => x.Dimension).HasColumnName("dimension").HasMaxLength(40);
        e.Property(x => x.Key).HasColumnName("key").HasMaxLength(60);
        e.Property(x => x.Gender).HasColumnName("gender");
        e.Property(x => x.Count).HasColumnName("count");
    }
}

internal sealed class ParticipantExitConfiguration : IEntityTypeConfiguration<ParticipantExit>
{
    public void Configure(EntityTypeBuilder<ParticipantExit> e)
    {
        e.ToTable("participant_exits");
        e.HasKey(x => new { x.ParticipantId, x.CollaborationId });
        e.Property(x => x.ParticipantId).HasColumnName("participant_id");
        e.Property(x => x.CollaborationId).HasColumnName("collaboration_id");
        e.Property(x => x.ExitDate).HasColumnName("exit_date");
        e.Property(x => x.Outcome).HasColumnName("outcome");
        e.Property(x => x.GainedQualification).HasColumnName("gained_qualification");
    }
}

internal sealed class ParticipantHoursConfiguration : IEntityTypeConfiguration<ParticipantHours>
{
    public void Configure(EntityTypeBuilder<ParticipantHours> e)
    {
        e.ToTable("participant_hours");
        e.HasKey(x => new { x.ParticipantId, x.CollaborationId, x.Month });
        e.Property(x => x.ParticipantId).HasColumnName("participant_id");
        e.Property(x => x.CollaborationId).HasColumnName("collaboration_id");
        e.Property(x => x.Month).HasColumnName("month");
        e.Property(x => x.Hours).HasColumnName("hours").HasPrecision(9, 2);
        e.Property(x => x.RecordedAt).HasColumnName("recorded_at");
    }
}

internal sealed class HoursByMonthConfiguration : IEntityTypeConfiguration<HoursByMonth>
{
    public void Configure(EntityTypeBuilder<HoursByMonth> e)
    {
        e.ToTable("hours_by_month");
        e.HasKey(x => new { x.CollaborationId, x.Month });
        e.Property(x => x.CollaborationId).HasColumnName("collaboration_id");
        e.Property(x => x.Month).HasColumnName("month");
        e.Property(x => x.Hours).HasColumnName("hours").HasPrecision(14, 2);
        e.Property(x => x.Participants).HasColumnName("participants");
    }
}

internal sealed class FirstEmployerContactConfiguration : IEntityTypeConfiguration<FirstEmployerContact>
{
    public void Configure(EntityTypeBuilder<FirstEmployerContact> e)
    {
        e.ToTable("first_employer_contacts");
        e.HasKey(x => x.ParticipantId);
        e.Property(x => x.ParticipantId).HasColumnName("participant_id");
        e.Property(x => x.PresentedOn).HasColumnName("presented_on");
    }
}

internal sealed class EventRecordConfiguration : IEntityTypeConfiguration<EventRecord>
{
    public void Configure(EntityTypeBuilder<EventRecord> e)
    {
        e.ToTable("event_history");
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).HasColumnName("id").UseIdentityAlwaysColumn();
        e.Property(x => x.MessageId).HasColumnName("message_id");
        e.Property(x => x.Type).HasColumnName("type").HasMaxLength(80);
        e.Property(x => x.Payload).HasColumnName("payload").HasColumnType("jsonb");
        e.Property(x => x.RecordedAt).HasColumnName("recorded_at");
        // The rebuild reads one event type at a time.
        e.HasIndex(x => new { x.Type, x.Id });
    }
}

internal sealed class RegionalTotalConfiguration : IEntityTypeConfiguration<RegionalTotal>
{
    public void Configure(EntityTypeBuilder<RegionalTotal> e)
    {
        e.ToTable("regional_totals");
        // Room for updated rows in their page, as participant_totals: every participant event updates one or two.
        e.HasStorageParameter("fillfactor", 70);
        e.HasKey(x => new { x.Scope, x.MunicipalityCode });
        e.Property(x => x.Scope).HasColumnName("scope");
        e.Property(x => x.MunicipalityCode).HasColumnName("municipality_code").HasMaxLength(60); // a counter key
        e.Property(x => x.Counts).HasColumnName("counts").HasColumnType("jsonb");
    }
}

internal sealed class ErasedParticipantConfiguration : IEntityTypeConfiguration<ErasedParticipant>
{
    public void Configure(EntityTypeBuilder<ErasedParticipant> e)
    {
        e.ToTable("erased_participants");
        e.HasKey(x => x.IdHash);
        e.Property(x => x.IdHash).HasColumnName("id_hash");
    }
}

internal sealed class CrossCountConfiguration : IEntityTypeConfiguration<CrossCount>
{
    public void Configure(EntityTypeBuilder<CrossCount> e)
    {
        e.ToTable("cross_counts");
        // Room for updated rows in their page, as participant_totals: every participant event rewrites dozens.
        e.HasStorageParameter("fillfactor", 70);
        // A row is compressed or moved out of line only past a page (the default is 2 KB): a busy cell's series stays
        // plain in the row, and a read's slices of it decompress nothing (CrossCount's remarks).
        e.HasStorageParameter("toast_tuple_target", 8160);
        // Leading with what a cross-table asks (scope, the pair): each read is one range, a row per cell.
        e.HasKey(x => new { x.Scope, x.Rows, x.Columns, x.RowKey, x.ColumnKey, x.Gender });
        e.Property(x => x.Scope).HasColumnName("scope");
        e.Property(x => x.Rows).HasColumnName("rows").HasMaxLength(40);
        e.Property(x => x.Columns).HasColumnName("columns").HasMaxLength(40);
        e.Property(x => x.RowKey).HasColumnName("row_key").HasMaxLength(60);
        e.Property(x => x.ColumnKey).HasColumnName("column_key").HasMaxLength(60);
        e.Property(x => x.Gender).HasColumnName("gender");
        e.Property(x => x.Months).HasColumnName("months");
        e.Property(x => x.Counts).HasColumnName("counts");
    }
}
