using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Samverkan.Employers.Model;

namespace Samverkan.Employers.Infrastructure.Configurations;

internal sealed class PipelineConfiguration : IEntityTypeConfiguration<Pipeline>
{
    public const string OpenPairIndex = "ix_pipelines_open_pair";

    public void Configure(EntityTypeBuilder<Pipeline> e)
    {
        e.ToTable("pipelines");
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).HasColumnName("id").ValueGeneratedNever();
        e.Property(x => x.ParticipantId).HasColumnName("participant_id");
        e.Property(x => x.OfferId).HasColumnName("offer_id");
        e.Property(x => x.EmployerId).HasColumnName("employer_id");
        e.Property(x => x.PilotActorId).HasColumnName("pilot_actor_id");
        e.Property(x => x.Pilot).HasColumnName("pilot").HasMaxLength(200);
        e.Property(x => x.Stage).HasColumnName("stage").HasConversion<string>().HasMaxLength(30);
        e.Property(x => x.ProposedOn).HasColumnName("proposed_on");
        e.Property(x => x.PresentedOn).HasColumnName("presented_on");
        e.Property(x => x.InterviewOn).HasColumnName("interview_on");
        e.Property(x => x.PlacedOn).HasColumnName("placed_on");
        e.Property(x => x.EmployedOn).HasColumnName("employed_on");
        e.Property(x => x.EndedOn).HasColumnName("ended_on");
        e.Property(x => x.LastStage).HasColumnName("last_stage").HasConversion<string>().HasMaxLength(30);
        e.Property(x => x.CreatedAt).HasColumnName("created_at");
        e.Property(x => x.Version).IsRowVersion();
        e.Ignore(x => x.StageDate);
        e.Ignore(x => x.StartedOn);
        // One open pipeline per participant and offer; an ended one may be followed by a new attempt.
        e.HasIndex(x => new { x.ParticipantId, x.OfferId }).IsUnique().HasFilter("stage <> 'Ended'").HasDatabaseName(OpenPairIndex);
        e.HasIndex(x => new { x.PilotActorId, x.Stage }).HasDatabaseName("ix_pipelines_pilot_actor_id_stage");
        e.HasIndex(x => x.EmployerId).HasDatabaseName("ix_pipelines_employer_id");
        e.HasOne<Offer>().WithMany().HasForeignKey(x => x.OfferId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class SupportContactConfiguration : IEntityTypeConfiguration<SupportContact>
{
    public void Configure(EntityTypeBuilder<SupportContact> e)
    {
        e.ToTable("support_contacts");
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).HasColumnName("id").ValueGeneratedNever();
        e.Property(x => x.PipelineId).HasColumnName("pipeline_id");
        e.Property(x => x.Date).HasColumnName("date");
        e.Property(x => x.With).HasColumnName("with").HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.Channel).HasColumnName("channel").HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.LoggedBy).HasColumnName("logged_by").HasMaxLength(200);
        e.Property(x => x.Notes).HasColumnName("notes").HasMaxLength(4000);
        e.Property(x => x.LoggedAt).HasColumnName("logged_at");
        e.HasIndex(x => new { x.PipelineId, x.Date }).HasDatabaseName("ix_support_contacts_pipeline_id_date");
        e.HasOne<Pipeline>().WithMany().HasForeignKey(x => x.PipelineId).OnDelete(DeleteBehavior.Cascade);
    }
}
