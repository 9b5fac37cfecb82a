using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Samverkan.Participants.Infrastructure.Configurations;

internal sealed class KnownCollaborationConfiguration : IEntityTypeConfiguration<KnownCollaboration>
{
    public void Configure(EntityTypeBuilder<KnownCollaboration> e)
    {
        e.ToTable("known_collaborations");
        e.HasKey(x => x.Id);
        // The id is the one Actors gave; never generated here.
        e.Property(x => x.Id).HasColumnName("id").ValueGeneratedNever();
        e.Property(x => x.Name).HasColumnName("name").HasMaxLength(300);
        e.Property(x => x.OwnerActorId).HasColumnName("owner_actor_id");
        e.Property(x => x.StartDate).HasColumnName("start_date");
        e.Property(x => x.EndDate).HasColumnName("end_date");
        e.Property(x => x.AsOf).HasColumnName("as_of");
        e.HasIndex(x => x.OwnerActorId).HasDatabaseName("ix_known_collaborations_owner");
    }
}

internal sealed class MembershipChangeConfiguration : IEntityTypeConfiguration<MembershipChange>
{
    public void Configure(EntityTypeBuilder<MembershipChange> e)
    {
        e.ToTable("collaboration_membership_changes");
        // No foreign key to known_collaborations: a MemberJoined may arrive before its CollaborationCreated.
        e.HasKey(x => new { x.CollaborationId, x.ActorId, x.Kind, x.On });
        e.Property(x => x.CollaborationId).HasColumnName("collaboration_id");
        e.Property(x => x.ActorId).HasColumnName("actor_id");
        e.Property(x => x.Kind).HasColumnName("kind").HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.On).HasColumnName("on_date");
        e.Property(x => x.OccurredAt).HasColumnName("occurred_at");
    }
}
