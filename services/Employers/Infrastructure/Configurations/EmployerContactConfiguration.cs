using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Samverkan.Employers.Model;

namespace Samverkan.Employers.Infrastructure.Configurations;

internal sealed class EmployerContactConfiguration : IEntityTypeConfiguration<EmployerContact>
{
    public void Configure(EntityTypeBuilder<EmployerContact> e)
    {
        e.ToTable("employer_contacts");
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).HasColumnName("id").ValueGeneratedNever();
        e.Property(x => x.EmployerId).HasColumnName("employer_id");
        e.Property(x => x.ActorId).HasColumnName("actor_id");
        e.Property(x => x.StaffMember).HasColumnName("staff_member").HasMaxLength(200);
        e.Property(x => x.Date).HasColumnName("date");
        e.Property(x => x.Channel).HasColumnName("channel").HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.Purpose).HasColumnName("purpose").HasMaxLength(500);
        e.Property(x => x.Notes).HasColumnName("notes").HasMaxLength(4000);
        e.Property(x => x.NextStep).HasColumnName("next_step").HasMaxLength(1000);
        e.Property(x => x.LoggedAt).HasColumnName("logged_at");
        // The window query: one employer's contacts around a date.
        e.HasIndex(x => new { x.EmployerId, x.Date }).HasDatabaseName("ix_employer_contacts_employer_id_date");
        e.HasOne<Employer>().WithMany().HasForeignKey(x => x.EmployerId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<KnownActor>().WithMany().HasForeignKey(x => x.ActorId).OnDelete(DeleteBehavior.Restrict);
    }
}
