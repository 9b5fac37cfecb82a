using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Samverkan.Reporting.Model;

namespace Samverkan.Reporting.Infrastructure.Configurations;

internal sealed class CollaborationFactConfiguration : IEntityTypeConfiguration<CollaborationFact>
{
    public void Configure(EntityTypeBuilder<CollaborationFact> e)
    {
        e.ToTable("collaboration_facts");
        e.HasKey(x => x.CollaborationId);
        e.Property(x => x.CollaborationId).HasColumnName("collaboration_id").ValueGeneratedNever();
        e.Property(x => x.Name).HasColumnName("name").HasMaxLength(300);
        e.Property(x => x.OwnerActorId).HasColumnName("owner_actor_id");
        e.Property(x => x.ParticipantTarget).HasColumnName("participant_target");
        e.Property(x => x.ExitToWorkOrStudiesTargetShare).HasColumnName("exit_to_work_or_studies_target_share").HasPrecision(5, 2);
        e.Property(x => x.StartDate).HasColumnName("start_date");
        e.Property(x => x.EndDate).HasColumnName("end_date");
        e.Property(x => x.AsOf).HasColumnName("as_of");
    }
}

internal sealed class CollaborationMemberConfiguration : IEntityTypeConfiguration<CollaborationMember>
{
    public void Configure(EntityTypeBuilder<CollaborationMember> e)
    {
        e.ToTable("collaboration_members");
        e.HasKey(x => new { x.CollaborationId, x.ActorId });
        e.Property(x => x.CollaborationId).HasColumnName("collaboration_id");
        e.Property(x => x.ActorId).HasColumnName("actor_id");
        e.Property(x => x.Role).HasColumnName("role").HasConversion<string>().HasMaxLength(40);
        e.Property(x => x.JoinedOn).HasColumnName("joined_on");
        e.Property(x => x.LeftOn).HasColumnName("left_on");
    }
}

internal sealed class ParticipantFactConfiguration : IEntityTypeConfiguration<ParticipantFact>
{
    public void Configure(EntityTypeBuilder<ParticipantFact> e)
    {
        e.ToTable("participant_facts");
        e.HasKey(x => new { x.ParticipantId, x.CollaborationId });
        e.HasIndex(x => new { x.CollaborationId, x.StartDate });
        e.Property(x => x.ParticipantId).HasColumnName("participant_id");
        e.Property(x => x.CollaborationId).HasColumnName("collaboration_id");
        e.Property(x => x.Gender).HasColumnName("gender");
        e.Property(x => x.AgeBand).HasColumnName("age_band");
        e.Property(x => x.MunicipalityCode).HasColumnName("municipality_code").HasMaxLength(4);
        e.Property(x => x.ReferringActorId).HasColumnName("referring_actor_id");
        e.Property(x => x.TargetGroups).HasColumnName("target_groups");
        e.Property(x => x.StartDate).HasColumnName("start_date");
        e.Property(x => x.LabourMarketStatus).HasColumnName("labour_market_status");
        e.Property(x => x.EducationLevel).HasColumnName("education_level");
        e.Property(x => x.BenefitAtStart).HasColumnName("benefit_at_start");
        e.Property(x => x.UpdatedAt).HasColumnName("updated_at");
    }
}

internal sealed class ParticipantCountConfiguration : IEntityTypeConfiguration<ParticipantCount>
{
    public void Configure(EntityTypeBuilder<ParticipantCount> e)
    {
        e.ToTable("participant_counts");
        // Leading with the collaboration: a summary reads one contiguous range of this index.
        e.HasKey(x => new { x.CollaborationId, x.Dimension, x.Key, x.Gender, x.Day });
        // A period's edge days, and "as of" (the totals minus the rows after the date), read a range of days of the
        // report's dimensions: one range of this index per dimension, index only. With the day before the dimension,
        // the range held every dimension's rows and a summary filtered out the regional view's (~70 % of them).
        e.HasIndex(x => new { x.CollaborationId, x.Dimension, x.Day }).IncludeProperties(x => new { x.Key, x.Gender, x.Count });
        e.Property(x => x.CollaborationId).HasColumnName("collaboration_id");
        e.Property(x => x.Dimension).HasColumnName("dimension").HasMaxLength(40);
        e.Property(x => x.Key).HasColumnName("key").HasMaxLength(60);
        e.Property(x => x.Gender).HasColumnName("gender");
        e.Property(x => x.Day).HasColumnName("day");
        e.Property(x => x.Count).HasColumnName("count");
    }
}

internal sealed class ParticipantPeriodCountConfiguration : IEntityTypeConfiguration<ParticipantPeriodCount>
{
    public void Configure(EntityTypeBuilder<ParticipantPeriodCount> e)
    {
        e.ToTable("participant_period_counts");
        e.HasKey(x => new { x.CollaborationId, x.Dimension, x.Key, x.Gender, x.Months, x.Start });
        // A period reads its whole months and years of one scope's dimensions: one range of this index for each
        // dimension and start, index only, and none of the dimensions the report does not show.
        e.HasIndex(x => new { x.CollaborationId, x.Dimension, x.Months, x.Start }).IncludeProperties(x => new { x.Key, x.Gender, x.Count })
            .HasDatabaseName("IX_participant_period_counts_scope_dimension_months_start"); // EF's name is over 63 characters
        e.Property(x => x.CollaborationId).HasColumnName("collaboration_id");
        e.Property(x => x.Dimension).HasColumnName("dimension").HasMaxLength(40);
        e.Property(x => x.Key).HasColumnName("key").HasMaxLength(60);
        e.Property(x => x.Gender).HasColumnName("gender");
        e.Property(x => x.Months).HasColumnName("months");
        e.Property(x => x.Start).HasColumnName("start");
        e.Property(x => x.Count).HasColumnName("count");
    }
}
