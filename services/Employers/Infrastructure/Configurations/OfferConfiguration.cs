using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Samverkan.Employers.Model;
using Samverkan.ServiceDefaults.Data;

namespace Samverkan.Employers.Infrastructure.Configurations;

internal sealed class OfferConfiguration : IEntityTypeConfiguration<Offer>
{
    public void Configure(EntityTypeBuilder<Offer> e)
    {
        e.ToTable("offers");
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).HasColumnName("id").ValueGeneratedNever();
        e.Property(x => x.EmployerId).HasColumnName("employer_id");
        e.Property(x => x.Kind).HasColumnName("kind").HasConversion<string>().HasMaxLength(30);
        e.Property(x => x.OccupationCode).HasColumnName("occupation_code").HasMaxLength(4);
        e.Property(x => x.Title).HasColumnName("title").HasMaxLength(200);
        e.Property(x => x.Description).HasColumnName("description").HasMaxLength(8000);
        e.Property(x => x.MunicipalityCode).HasColumnName("municipality_code").HasMaxLength(4);
        e.Property(x => x.Places).HasColumnName("places");
        e.Property(x => x.StartDate).HasColumnName("start_date");
        e.Property(x => x.DurationWeeks).HasColumnName("duration_weeks");
        e.Property(x => x.HoursPerWeek).HasColumnName("hours_per_week").HasPrecision(4, 1);
        e.Property(x => x.Requirements).HasJsonColumn("requirements");
        e.Property(x => x.SupervisorCapacity).HasColumnName("supervisor_capacity");
        e.Property(x => x.Adaptations).HasJsonColumn("adaptations");
        e.Property(x => x.Status).HasColumnName("status").HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.PublishedByActorId).HasColumnName("published_by_actor_id");
        e.Property(x => x.PublishedAt).HasColumnName("published_at");
        e.Property(x => x.FilledAt).HasColumnName("filled_at");
        e.Property(x => x.ClosedAt).HasColumnName("closed_at");
        e.Property(x => x.Version).IsRowVersion();
        e.HasIndex(x => new { x.EmployerId, x.Status }).HasDatabaseName("ix_offers_employer_id_status");
        e.HasOne<Employer>().WithMany().HasForeignKey(x => x.EmployerId).OnDelete(DeleteBehavior.Restrict);
    }
}
