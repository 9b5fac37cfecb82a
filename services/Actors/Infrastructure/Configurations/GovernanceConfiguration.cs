using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Samverkan.Actors.Model;
using Samverkan.ServiceDefaults.Data;

namespace Samverkan.Actors.Infrastructure.Configurations;

internal sealed class GovernanceConfiguration : IEntityTypeConfiguration<Governance>
{
    public void Configure(EntityTypeBuilder<Governance> e)
    {
        e.ToTable("governance");
        e.HasKey(x => x.CollaborationId);
        e.Property(x => x.CollaborationId).HasColumnName("collaboration_id").ValueGeneratedNever();
        e.HasOne<Collaboration>().WithOne().HasForeignKey<Governance>(x => x.CollaborationId).OnDelete(DeleteBehavior.Cascade);
        // Small structures written whole under one ETag; the warnings read them all at once.
        e.Property(x => x.SteeringGroup).HasJsonColumn("steering_group");
        e.Property(x => x.ProcessLeader!).HasJsonColumn("process_leader"); // null when none is named
        e.Property(x => x.WorkingGroups).HasJsonColumn("working_groups");
        e.Property(x => x.UpdatedAt).HasColumnName("updated_at");
        e.Property(x => x.Version).IsRowVersion(); // xmin
    }
}

internal sealed class MeetingConfiguration : IEntityTypeConfiguration<Meeting>
{
    public void Configure(EntityTypeBuilder<Meeting> e)
    {
        e.ToTable("meetings");
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).HasColumnName("id").ValueGeneratedNever();
        e.Property(x => x.CollaborationId).HasColumnName("collaboration_id");
        e.HasOne<Collaboration>().WithMany().HasForeignKey(x => x.CollaborationId).OnDelete(DeleteBehavior.Cascade);
        e.Property(x => x.Date).HasColumnName("date");
        e.Property(x => x.Kind).HasColumnName("kind").HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.Attendees).HasJsonColumn("attendees");
        e.Property(x => x.Decisions).HasJsonColumn("decisions");
        e.Property(x => x.CreatedAt).HasColumnName("created_at");
        e.Property(x => x.UpdatedAt).HasColumnName("updated_at");
        e.Property(x => x.Version).IsRowVersion(); // xmin
        e.HasIndex(x => new { x.CollaborationId, x.Date });
    }
}
