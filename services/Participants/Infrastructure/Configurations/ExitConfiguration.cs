using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Samverkan.Participants.Infrastructure.Configurations;

internal sealed class ParticipantExitConfiguration : IEntityTypeConfiguration<ParticipantExit>
{
    public void Configure(EntityTypeBuilder<ParticipantExit> e)
    {
        e.ToTable("participant_exits");
        // One exit per participant: a second, racing exit meets the key.
        e.HasKey(x => x.ParticipantId);
        e.Property(x => x.ParticipantId).HasColumnName("participant_id").ValueGeneratedNever();
        e.Property(x => x.ExitDate).HasColumnName("exit_date");
        e.Property(x => x.Outcome).HasColumnName("outcome").HasConversion<string>().HasMaxLength(40);
        e.Property(x => x.Reason).HasColumnName("reason").HasMaxLength(2000);
        e.Property(x => x.GainedQualification).HasColumnName("gained_qualification");
        e.Property(x => x.RecordedBy).HasColumnName("recorded_by").HasMaxLength(200);
        e.Property(x => x.RecordedAt).HasColumnName("recorded_at");
        e.HasIndex(x => x.ExitDate).HasDatabaseName("ix_participant_exits_exit_date");
        e.HasOne<Participant>().WithOne().HasForeignKey<ParticipantExit>(x => x.ParticipantId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class FollowUpConfiguration : IEntityTypeConfiguration<FollowUp>
{
    public void Configure(EntityTypeBuilder<FollowUp> e)
    {
        e.ToTable("follow_ups");
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).HasColumnName("id").ValueGeneratedNever();
        e.Property(x => x.ParticipantId).HasColumnName("participant_id");
        e.Property(x => x.Point).HasColumnName("point").HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.Date).HasColumnName("date");
        e.Property(x => x.Situation).HasColumnName("situation").HasConversion<string>().HasMaxLength(40);
        e.Property(x => x.Note).HasColumnName("note").HasMaxLength(2000);
        e.Property(x => x.RecordedBy).HasColumnName("recorded_by").HasMaxLength(200);
        e.Property(x => x.RecordedAt).HasColumnName("recorded_at");
        // One follow-up per point: a racing duplicate meets this index.
        e.HasIndex(x => new { x.ParticipantId, x.Point }).IsUnique().HasDatabaseName("ux_follow_ups_participant_point");
        e.HasOne<Participant>().WithMany().HasForeignKey(x => x.ParticipantId).OnDelete(DeleteBehavior.Cascade);
    }
}
