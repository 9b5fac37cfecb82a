using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Samverkan.Employers.Model;
using Samverkan.ServiceDefaults.Data;

namespace Samverkan.Employers.Infrastructure.Configurations;

internal sealed class MatchingProfileConfiguration : IEntityTypeConfiguration<MatchingProfile>
{
    public void Configure(EntityTypeBuilder<MatchingProfile> e)
    {
        e.ToTable("matching_profiles");
        e.HasKey(x => x.ParticipantId);
        // The participant id comes from Participants; never generated here.
        e.Property(x => x.ParticipantId).HasColumnName("participant_id").ValueGeneratedNever();
        e.Property(x => x.OwnerActorId).HasColumnName("owner_actor_id");
        e.Property(x => x.OccupationCodes).HasJsonColumn("occupation_codes");
        e.Property(x => x.Skills).HasJsonColumn("skills");
        e.Property(x => x.SwedishLevel).HasColumnName("swedish_level").HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.Languages).HasJsonColumn("languages");
        e.Property(x => x.MunicipalityCode).HasColumnName("municipality_code").HasMaxLength(4);
        e.Property(x => x.MaxCommuteKm).HasColumnName("max_commute_km");
        e.Property(x => x.AvailableFrom).HasColumnName("available_from");
        e.Property(x => x.HoursPerWeek).HasColumnName("hours_per_week").HasPrecision(4, 1);
        e.Property(x => x.AdaptationsNeeded).HasJsonColumn("adaptations_needed");
        e.Property(x => x.Readiness).HasColumnName("readiness").HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.DrivingLicence).HasColumnName("driving_licence");
        e.Property(x => x.CreatedAt).HasColumnName("created_at");
        e.Property(x => x.UpdatedAt).HasColumnName("updated_at");
        e.Property(x => x.Version).IsRowVersion();
    }
}

internal sealed class ParticipantConsentConfiguration : IEntityTypeConfiguration<ParticipantConsent>
{
    public void Configure(EntityTypeBuilder<ParticipantConsent> e)
    {
        e.ToTable("participant_consents");
        e.HasKey(x => x.ConsentId);
        e.Property(x => x.ConsentId).HasColumnName("consent_id").ValueGeneratedNever();
        e.Property(x => x.ParticipantId).HasColumnName("participant_id");
        e.Property(x => x.Purpose).HasColumnName("purpose").HasConversion<string>().HasMaxLength(40);
        e.Property(x => x.RecipientActorId).HasColumnName("recipient_actor_id");
        e.Property(x => x.GivenOn).HasColumnName("given_on");
        e.Property(x => x.WithdrawnAt).HasColumnName("withdrawn_at");
        e.Ignore(x => x.InForce);
        e.HasIndex(x => new { x.ParticipantId, x.Purpose }).HasDatabaseName("ix_participant_consents_participant_id_purpose");
        // Which participants a recipient agency may reach (ParticipantAccess).
        e.HasIndex(x => x.RecipientActorId).HasDatabaseName("ix_participant_consents_recipient_actor_id");
    }
}

internal sealed class EnrolmentConfiguration : IEntityTypeConfiguration<Enrolment>
{
    public void Configure(EntityTypeBuilder<Enrolment> e)
    {
        e.ToTable("enrolments");
        // One row per participant and collaboration, as ParticipantEnrolled is published: a replay is a no-op.
        e.HasKey(x => new { x.ParticipantId, x.CollaborationId });
        e.Property(x => x.ParticipantId).HasColumnName("participant_id");
        e.Property(x => x.CollaborationId).HasColumnName("collaboration_id");
        e.Property(x => x.StartDate).HasColumnName("start_date");
        e.Property(x => x.ReferringActorId).HasColumnName("referring_actor_id");
        // Which participants an agency owns (ParticipantAccess).
        e.HasIndex(x => x.ReferringActorId).HasDatabaseName("ix_enrolments_referring_actor_id");
    }
}

internal sealed class ErasedParticipantConfiguration : IEntityTypeConfiguration<ErasedParticipant>
{
    public void Configure(EntityTypeBuilder<ErasedParticipant> e)
    {
        e.ToTable("erased_participants");
        e.HasKey(x => x.IdHash);
        e.Property(x => x.IdHash).HasColumnName("id_hash");
    }
}
