using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Samverkan.Reporting.Model;
using Samverkan.ServiceDefaults.Data;

namespace Samverkan.Reporting.Infrastructure.Configurations;

internal sealed class EmployerFactConfiguration : IEntityTypeConfiguration<EmployerFact>
{
    public void Configure(EntityTypeBuilder<EmployerFact> e)
    {
        e.ToTable("employer_facts");
        e.HasKey(x => x.EmployerId);
        e.Property(x => x.EmployerId).HasColumnName("employer_id").ValueGeneratedNever();
        e.Property(x => x.Name).HasColumnName("name").HasMaxLength(300);
        e.Property(x => x.MunicipalityCode).HasColumnName("municipality_code").HasMaxLength(4);
        e.Property(x => x.OwnerActorId).HasColumnName("owner_actor_id");
    }
}

internal sealed class EmployerContactFactConfiguration : IEntityTypeConfiguration<EmployerContactFact>
{
    public void Configure(EntityTypeBuilder<EmployerContactFact> e)
    {
        e.ToTable("employer_contacts");
        e.HasKey(x => x.ContactId);
        e.HasIndex(x => x.Date);
        e.Property(x => x.ContactId).HasColumnName("contact_id").ValueGeneratedNever();
        e.Property(x => x.EmployerId).HasColumnName("employer_id");
        e.Property(x => x.ActorId).HasColumnName("actor_id");
        e.Property(x => x.Date).HasColumnName("date");
        e.Property(x => x.Planned).HasColumnName("planned");
    }
}

internal sealed class OfferFactConfiguration : IEntityTypeConfiguration<OfferFact>
{
    public void Configure(EntityTypeBuilder<OfferFact> e)
    {
        e.ToTable("offer_facts");
        e.HasKey(x => x.OfferId);
        e.Property(x => x.OfferId).HasColumnName("offer_id").ValueGeneratedNever();
        e.Property(x => x.EmployerId).HasColumnName("employer_id");
        e.Property(x => x.Kind).HasColumnName("kind");
        e.Property(x => x.Places).HasColumnName("places");
        e.Property(x => x.PublishedOn).HasColumnName("published_on");
        e.Property(x => x.Filled).HasColumnName("filled");
        e.Property(x => x.Closed).HasColumnName("closed");
    }
}

internal sealed class PlacementFactConfiguration : IEntityTypeConfiguration<PlacementFact>
{
    public void Configure(EntityTypeBuilder<PlacementFact> e)
    {
        e.ToTable("placement_facts");
        e.HasKey(x => x.PipelineId);
        e.HasIndex(x => x.ParticipantId);
        e.Property(x => x.PipelineId).HasColumnName("pipeline_id").ValueGeneratedNever();
        e.Property(x => x.ParticipantId).HasColumnName("participant_id");
        e.Property(x => x.EmployerId).HasColumnName("employer_id");
        e.Property(x => x.PilotActorId).HasColumnName("pilot_actor_id");
        e.Property(x => x.OfferKind).HasColumnName("offer_kind");
        e.Property(x => x.Stage).HasColumnName("stage");
        e.Property(x => x.StartDate).HasColumnName("start_date");
        e.Property(x => x.EndDate).HasColumnName("end_date");
    }
}

internal sealed class AgreementVersionConfiguration : IEntityTypeConfiguration<AgreementVersion>
{
    public void Configure(EntityTypeBuilder<AgreementVersion> e)
    {
        e.ToTable("agreement_versions");
        e.HasKey(x => new { x.AgreementId, x.Version });
        e.HasIndex(x => x.CollaborationId);
        e.Property(x => x.AgreementId).HasColumnName("agreement_id");
        e.Property(x => x.Version).HasColumnName("version");
        e.Property(x => x.CollaborationId).HasColumnName("collaboration_id");
        e.Property(x => x.ActorId).HasColumnName("actor_id");
        e.Property(x => x.ValidFrom).HasColumnName("valid_from");
        e.Property(x => x.ValidTo).HasColumnName("valid_to");
        e.Property(x => x.Contributions).HasJsonColumn("contributions");
        e.Property(x => x.SignedAt).HasColumnName("signed_at");
        e.Property(x => x.TerminatedOn).HasColumnName("terminated_on");
    }
}

internal sealed class AssessmentScoreConfiguration : IEntityTypeConfiguration<AssessmentScore>
{
    public void Configure(EntityTypeBuilder<AssessmentScore> e)
    {
        e.ToTable("assessment_scores");
        e.HasKey(x => new { x.CollaborationId, x.Round, x.ActorId, x.Criterion });
        e.Property(x => x.CollaborationId).HasColumnName("collaboration_id");
        e.Property(x => x.Round).HasColumnName("round");
        e.Property(x => x.ActorId).HasColumnName("actor_id");
        e.Property(x => x.Criterion).HasColumnName("criterion");
        e.Property(x => x.Score).HasColumnName("score");
        e.Property(x => x.SubmittedAt).HasColumnName("submitted_at");
    }
}
