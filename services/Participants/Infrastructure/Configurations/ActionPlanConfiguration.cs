using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Samverkan.Participants.Infrastructure.Configurations;

internal sealed class PlanEntryConfiguration : IEntityTypeConfiguration<PlanEntry>
{
    public void Configure(EntityTypeBuilder<PlanEntry> e)
    {
        e.ToTable("plan_entries");
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).HasColumnName("id").ValueGeneratedNever();
        e.Property(x => x.ParticipantId).HasColumnName("participant_id");
        e.Property(x => x.Kind).HasColumnName("kind").HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.Text).HasColumnName("text").HasMaxLength(2000);
        e.Property(x => x.Track).HasColumnName("track").HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.RecordedBy).HasColumnName("recorded_by").HasMaxLength(200);
        e.Property(x => x.RecordedAt).HasColumnName("recorded_at");
        e.HasIndex(x => x.ParticipantId).HasDatabaseName("ix_plan_entries_participant");
        e.HasOne<Participant>().WithMany().HasForeignKey(x => x.ParticipantId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CommitmentConfiguration : IEntityTypeConfiguration<Commitment>
{
    public void Configure(EntityTypeBuilder<Commitment> e)
    {
        e.ToTable("commitments");
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).HasColumnName("id").ValueGeneratedNever();
        e.Property(x => x.ParticipantId).HasColumnName("participant_id");
        e.Property(x => x.InterventionId).HasColumnName("intervention_id");
        e.Property(x => x.ResponsibleActorId).HasColumnName("responsible_actor_id");
        e.Property(x => x.Track).HasColumnName("track").HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.StartDate).HasColumnName("start_date");
        e.Property(x => x.DueDate).HasColumnName("due_date");
        e.Property(x => x.Description).HasColumnName("description").HasMaxLength(2000);
        e.Property(x => x.Status).HasColumnName("status").HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.RecordedBy).HasColumnName("recorded_by").HasMaxLength(200);
        e.Property(x => x.RecordedAt).HasColumnName("recorded_at");
        e.Property(x => x.StatusChangedAt).HasColumnName("status_changed_at");
        // Two staff members moving the same commitment at once: the second save fails instead of overwriting.
        e.Property<uint>("Version").IsRowVersion(); // xmin
        e.HasIndex(x => x.ParticipantId).HasDatabaseName("ix_commitments_participant");
        // The overdue list: the responsible actor's open commitments by due date.
        e.HasIndex(x => new { x.ResponsibleActorId, x.DueDate }).HasDatabaseName("ix_commitments_responsible_due");
        e.HasOne<Participant>().WithMany().HasForeignKey(x => x.ParticipantId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<KnownActor>().WithMany().HasForeignKey(x => x.ResponsibleActorId).OnDelete(DeleteBehavior.Restrict);
    }
}
