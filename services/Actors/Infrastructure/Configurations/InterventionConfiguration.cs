using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Samverkan.Actors.Model;

namespace Samverkan.Actors.Infrastructure.Configurations;

internal sealed class InterventionConfiguration : IEntityTypeConfiguration<Intervention>
{
    public void Configure(EntityTypeBuilder<Intervention> e)
    {
        e.ToTable("interventions");
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).HasColumnName("id").ValueGeneratedNever();
        e.Property(x => x.ActorId).HasColumnName("actor_id");
        e.HasOne<Actor>().WithMany().HasForeignKey(x => x.ActorId).OnDelete(DeleteBehavior.Cascade);
        e.Property(x => x.Name).HasColumnName("name").HasMaxLength(300);
        e.Property(x => x.Category).HasColumnName("category").HasConversion<string>().HasMaxLength(40);
        e.Property(x => x.Eligibility).HasColumnName("eligibility").HasMaxLength(2000);
        e.Property(x => x.Capacity).HasColumnName("capacity");
        e.Property(x => x.OpenRegardlessOfBenefit).HasColumnName("open_regardless_of_benefit");
        e.Property(x => x.CreatedAt).HasColumnName("created_at");
        e.Property(x => x.UpdatedAt).HasColumnName("updated_at");
        e.Property(x => x.Version).IsRowVersion(); // xmin
        // The collaboration catalogue asks "what do these actors offer?".
        e.HasIndex(x => x.ActorId);
    }
}

internal sealed class ReferralConfiguration : IEntityTypeConfiguration<Referral>
{
    public void Configure(EntityTypeBuilder<Referral> e)
    {
        e.ToTable("referrals");
        // The consumer's second guard: one referral per participant and collaboration, as Participants publishes it.
        e.HasKey(x => new { x.ParticipantId, x.CollaborationId });
        e.Property(x => x.ParticipantId).HasColumnName("participant_id");
        e.Property(x => x.CollaborationId).HasColumnName("collaboration_id");
        e.Property(x => x.ReferringActorId).HasColumnName("referring_actor_id");
        e.Property(x => x.ReferralDate).HasColumnName("referral_date");
        e.Property(x => x.ReceivedAt).HasColumnName("received_at");
        // No foreign key to collaborations: an enrolment may arrive before this service has caught up.
        e.HasIndex(x => new { x.CollaborationId, x.ReferringActorId });
    }
}

internal sealed class ErasedParticipantConfiguration : IEntityTypeConfiguration<ErasedParticipant>
{
    public void Configure(EntityTypeBuilder<ErasedParticipant> e)
    {
        e.ToTable("erased_participants");
        e.HasKey(x => x.IdHash);
        e.Property(x => x.IdHash).HasColumnName("id_hash");
        e.Property(x => x.ReferralCounted).HasColumnName("referral_counted");
    }
}
