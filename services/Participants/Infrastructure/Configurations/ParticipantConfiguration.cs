using Samverkan.Contracts.Participants;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Samverkan.Participants.Infrastructure.Configurations;

internal sealed class ParticipantConfiguration : IEntityTypeConfiguration<Participant>
{
    public void Configure(EntityTypeBuilder<Participant> e)
    {
        e.ToTable("participants");
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).HasColumnName("id").ValueGeneratedNever();
        e.Property(x => x.CollaborationId).HasColumnName("collaboration_id");
        e.Property(x => x.IdentityKind).HasColumnName("identity_kind").HasConversion<string>().HasMaxLength(40);
        e.Property(x => x.ProtectedNumber).HasColumnName("protected_number");
        e.Property(x => x.NumberLookupHash).HasColumnName("number_lookup_hash");
        e.Property(x => x.ProtectedName).HasColumnName("protected_name");
        e.Property(x => x.Gender).HasColumnName("gender").HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.BirthDate).HasColumnName("birth_date");
        e.Property(x => x.AgeAtStart).HasColumnName("age_at_start");
        e.Property(x => x.MunicipalityCode).HasColumnName("municipality_code").HasMaxLength(4);
        e.Property(x => x.ReferringActorId).HasColumnName("referring_actor_id");
        e.Property(x => x.ReferralDate).HasColumnName("referral_date");
        e.PrimitiveCollection(x => x.TargetGroups).HasColumnName("target_groups").ElementType(t => t.HasConversion<string>());
        e.Property(x => x.BenefitAtStart).HasColumnName("benefit_at_start").HasConversion<string>().HasMaxLength(40);
        e.Property(x => x.LabourMarketStatusAtEntry).HasColumnName("labour_market_status_at_entry").HasConversion<string>().HasMaxLength(40);
        e.Property(x => x.EducationLevelAtEntry).HasColumnName("education_level_at_entry").HasConversion<string>().HasMaxLength(40);
        e.Property(x => x.StartDate).HasColumnName("start_date");
        e.Property(x => x.EnrolledAt).HasColumnName("enrolled_at");
        e.Property(x => x.EnrolledBy).HasColumnName("enrolled_by").HasMaxLength(200);
        e.Property(x => x.Revision).HasColumnName("revision").HasDefaultValue(1L).ValueGeneratedNever();
        e.Ignore(x => x.AgeBand);

        // One participant per person and collaboration: a re-enrolment racing the first meets this index.
        e.HasIndex(x => new { x.CollaborationId, x.NumberLookupHash })
            .IsUnique().HasFilter("number_lookup_hash IS NOT NULL").HasDatabaseName("ux_participants_collaboration_person");
        e.HasIndex(x => x.ReferringActorId).HasDatabaseName("ix_participants_referring_actor");
        e.HasOne<KnownActor>().WithMany().HasForeignKey(x => x.ReferringActorId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class IdentityAccessConfiguration : IEntityTypeConfiguration<IdentityAccess>
{
    public void Configure(EntityTypeBuilder<IdentityAccess> e)
    {
        e.ToTable("identity_access_log");
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).HasColumnName("id").UseIdentityAlwaysColumn();
        e.Property(x => x.ParticipantId).HasColumnName("participant_id");
        e.Property(x => x.Subject).HasColumnName("subject").HasMaxLength(200);
        e.Property(x => x.AgencyId).HasColumnName("agency_id");
        e.Property(x => x.Role).HasColumnName("role").HasMaxLength(40);
        e.Property(x => x.Reason).HasColumnName("reason").HasMaxLength(500);
        e.Property(x => x.AccessedAt).HasColumnName("accessed_at");
        e.HasIndex(x => new { x.ParticipantId, x.AccessedAt }).HasDatabaseName("ix_identity_access_participant");
    }
}
