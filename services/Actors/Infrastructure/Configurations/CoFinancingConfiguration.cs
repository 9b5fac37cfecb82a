using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Samverkan.Actors.Model;
using Samverkan.ServiceDefaults.Data;

namespace Samverkan.Actors.Infrastructure.Configurations;

internal sealed class CoFinancingPlanConfiguration : IEntityTypeConfiguration<CoFinancingPlan>
{
    public void Configure(EntityTypeBuilder<CoFinancingPlan> e)
    {
        e.ToTable("co_financing_plans");
        e.HasKey(x => x.CollaborationId);
        e.Property(x => x.CollaborationId).HasColumnName("collaboration_id").ValueGeneratedNever();
        e.HasOne<Collaboration>().WithOne().HasForeignKey<CoFinancingPlan>(x => x.CollaborationId).OnDelete(DeleteBehavior.Cascade);
        // A few dozen lines, written whole under one ETag and read whole by the report.
        e.Property(x => x.Lines).HasJsonColumn("lines");
        e.Property(x => x.UpdatedAt).HasColumnName("updated_at");
        e.Property(x => x.Version).IsRowVersion(); // xmin
    }
}

internal sealed class ParticipantMonthHoursConfiguration : IEntityTypeConfiguration<ParticipantMonthHours>
{
    public void Configure(EntityTypeBuilder<ParticipantMonthHours> e)
    {
        // No foreign key to collaborations: hours may arrive before (or without) the collaboration they belong to.
        e.ToTable("co_financing_hours");
        e.HasKey(x => new { x.ParticipantId, x.CollaborationId, x.Month });
        e.Property(x => x.ParticipantId).HasColumnName("participant_id");
        e.Property(x => x.CollaborationId).HasColumnName("collaboration_id");
        e.Property(x => x.Month).HasColumnName("month");
        e.Property(x => x.BenefitAtStart).HasColumnName("benefit_at_start").HasConversion<string>().HasMaxLength(40);
        e.Property(x => x.Hours).HasColumnName("hours");
        e.Property(x => x.RecordedAt).HasColumnName("recorded_at");
        // The report sums one collaboration's rows by month and benefit.
        e.HasIndex(x => new { x.CollaborationId, x.Month });
    }
}
