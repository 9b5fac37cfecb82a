using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Samverkan.Participants.Infrastructure.Configurations;

internal sealed class ConsentConfiguration : IEntityTypeConfiguration<Consent>
{
    public void Configure(EntityTypeBuilder<Consent> e)
    {
        e.ToTable("consents");
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).HasColumnName("id").ValueGeneratedNever();
        e.Property(x => x.ParticipantId).HasColumnName("participant_id");
        e.Property(x => x.Purpose).HasColumnName("purpose").HasConversion<string>().HasMaxLength(40);
        e.Property(x => x.RecipientActorId).HasColumnName("recipient_actor_id");
        e.Property(x => x.GivenOn).HasColumnName("given_on");
        e.Property(x => x.Method).HasColumnName("method").HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.RecordedBy).HasColumnName("recorded_by").HasMaxLength(200);
        e.Property(x => x.RecordedAt).HasColumnName("recorded_at");
        e.Property(x => x.WithdrawnOn).HasColumnName("withdrawn_on");
        e.Property(x => x.WithdrawnBy).HasColumnName("withdrawn_by").HasMaxLength(200);
        e.Property(x => x.WithdrawnAt).HasColumnName("withdrawn_at");
        e.Ignore(x => x.IsWithdrawn);

        // One active consent per participant, purpose and recipient; a racing duplicate meets this index.
        e.HasIndex(x => new { x.ParticipantId, x.Purpose, x.RecipientActorId })
            .IsUnique().HasFilter("withdrawn_on IS NULL").HasDatabaseName("ux_consents_active");
        e.HasOne<Participant>().WithMany().HasForeignKey(x => x.ParticipantId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<KnownActor>().WithMany().HasForeignKey(x => x.RecipientActorId).OnDelete(DeleteBehavior.Restrict);
    }
}
