using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Samverkan.Webhooks.Model;

namespace Samverkan.Webhooks.Infrastructure.Configurations;

internal sealed class ParticipantOwnerConfiguration : IEntityTypeConfiguration<ParticipantOwner>
{
    public void Configure(EntityTypeBuilder<ParticipantOwner> e)
    {
        e.ToTable("participant_owners");
        e.HasKey(x => new { x.ParticipantId, x.CollaborationId });
        e.Property(x => x.ParticipantId).HasColumnName("participant_id");
        e.Property(x => x.CollaborationId).HasColumnName("collaboration_id");
        e.Property(x => x.AgencyId).HasColumnName("agency_id");
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
        e.Property(x => x.Left).HasColumnName("left");
    }
}

internal sealed class EmployerLinkConfiguration : IEntityTypeConfiguration<EmployerLink>
{
    public void Configure(EntityTypeBuilder<EmployerLink> e)
    {
        e.ToTable("employer_links");
        e.HasKey(x => new { x.EmployerId, x.ActorId });
        e.Property(x => x.EmployerId).HasColumnName("employer_id");
        e.Property(x => x.ActorId).HasColumnName("actor_id");
    }
}
