using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Samverkan.Actors.Model;
using Samverkan.ServiceDefaults.Data;

namespace Samverkan.Actors.Infrastructure.Configurations;

internal sealed class AgreementConfiguration : IEntityTypeConfiguration<Agreement>
{
    public void Configure(EntityTypeBuilder<Agreement> e)
    {
        e.ToTable("agreements");
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).HasColumnName("id").ValueGeneratedNever();
        e.Property(x => x.CollaborationId).HasColumnName("collaboration_id");
        e.HasOne<Collaboration>().WithMany().HasForeignKey(x => x.CollaborationId).OnDelete(DeleteBehavior.Cascade);
        e.Property(x => x.ActorId).HasColumnName("actor_id");
        e.HasOne<Actor>().WithMany().HasForeignKey(x => x.ActorId).OnDelete(DeleteBehavior.Restrict);
        e.Property(x => x.Status).HasColumnName("status").HasConversion<string>().HasMaxLength(20);
        // The version history is read and written with the agreement, and the row's xmin guards all of it.
        e.Property(x => x.Versions).HasJsonColumn("versions");
        e.Property(x => x.TerminatedOn).HasColumnName("terminated_on");
        e.Property(x => x.CreatedAt).HasColumnName("created_at");
        e.Property(x => x.UpdatedAt).HasColumnName("updated_at");
        e.Property(x => x.Version).IsRowVersion(); // xmin
        e.Ignore(x => x.Latest);
        e.Ignore(x => x.InForce);
        // One agreement per member and collaboration; amendments are versions, not new agreements.
        e.HasIndex(x => new { x.CollaborationId, x.ActorId }).IsUnique();
    }
}
