using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Samverkan.Actors.Model;
using Samverkan.ServiceDefaults.Data;

namespace Samverkan.Actors.Infrastructure.Configurations;

internal sealed class AssessmentRoundConfiguration : IEntityTypeConfiguration<AssessmentRound>
{
    public void Configure(EntityTypeBuilder<AssessmentRound> e)
    {
        e.ToTable("assessment_rounds");
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).HasColumnName("id").ValueGeneratedNever();
        e.Property(x => x.CollaborationId).HasColumnName("collaboration_id");
        e.HasOne<Collaboration>().WithMany().HasForeignKey(x => x.CollaborationId).OnDelete(DeleteBehavior.Cascade);
        e.Property(x => x.Number).HasColumnName("number");
        e.Property(x => x.HeldOn).HasColumnName("held_on");
        e.Property(x => x.CreatedAt).HasColumnName("created_at");
        // Two rounds opened at once cannot both take the next number.
        e.HasIndex(x => new { x.CollaborationId, x.Number }).IsUnique();
    }
}

internal sealed class AssessmentSubmissionConfiguration : IEntityTypeConfiguration<AssessmentSubmission>
{
    public void Configure(EntityTypeBuilder<AssessmentSubmission> e)
    {
        e.ToTable("assessment_submissions");
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).HasColumnName("id").ValueGeneratedNever();
        e.Property(x => x.CollaborationId).HasColumnName("collaboration_id");
        e.Property(x => x.Round).HasColumnName("round");
        e.HasOne<AssessmentRound>().WithMany().HasForeignKey(x => new { x.CollaborationId, x.Round })
            .HasPrincipalKey(r => new { r.CollaborationId, r.Number }).OnDelete(DeleteBehavior.Cascade);
        e.Property(x => x.ActorId).HasColumnName("actor_id");
        // The answers are read and replaced whole, never queried inside.
        e.Property(x => x.Answers).HasJsonColumn("answers");
        e.Property(x => x.SubmittedAt).HasColumnName("submitted_at");
        e.Property(x => x.Version).IsRowVersion(); // xmin
        // One set of answers per member and round: resubmitting replaces it.
        e.HasIndex(x => new { x.CollaborationId, x.Round, x.ActorId }).IsUnique();
    }
}
