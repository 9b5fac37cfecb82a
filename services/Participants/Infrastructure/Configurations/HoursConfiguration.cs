using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Samverkan.Participants.Infrastructure.Configurations;

internal sealed class ParticipationHoursConfiguration : IEntityTypeConfiguration<ParticipationHours>
{
    public void Configure(EntityTypeBuilder<ParticipationHours> e)
    {
        e.ToTable("participation_hours");
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).HasColumnName("id").ValueGeneratedNever();
        e.Property(x => x.ParticipantId).HasColumnName("participant_id");
        e.Property(x => x.Date).HasColumnName("date");
        e.Property(x => x.Hours).HasColumnName("hours").HasPrecision(5, 2);
        e.Property(x => x.AttestedByParticipant).HasColumnName("attested_by_participant");
        e.Property(x => x.RecordedBy).HasColumnName("recorded_by").HasMaxLength(200);
        e.Property(x => x.RecordedAt).HasColumnName("recorded_at");
        e.HasIndex(x => new { x.ParticipantId, x.Date }).HasDatabaseName("ix_participation_hours_participant_date");
        e.HasOne<Participant>().WithMany().HasForeignKey(x => x.ParticipantId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SkillsValidationConfiguration : IEntityTypeConfiguration<SkillsValidation>
{
    public void Configure(EntityTypeBuilder<SkillsValidation> e)
    {
        e.ToTable("skills_validations");
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).HasColumnName("id").ValueGeneratedNever();
        e.Property(x => x.ParticipantId).HasColumnName("participant_id");
        e.Property(x => x.Method).HasColumnName("method").HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.Assessor).HasColumnName("assessor").HasMaxLength(200);
        e.Property(x => x.Date).HasColumnName("date");
        e.Property(x => x.Result).HasColumnName("result").HasMaxLength(2000);
        e.Property(x => x.CertificateIssued).HasColumnName("certificate_issued");
        e.Property(x => x.RecordedBy).HasColumnName("recorded_by").HasMaxLength(200);
        e.Property(x => x.RecordedAt).HasColumnName("recorded_at");
        e.HasIndex(x => x.ParticipantId).HasDatabaseName("ix_skills_validations_participant");
        e.HasOne<Participant>().WithMany().HasForeignKey(x => x.ParticipantId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ParticipantErasureConfiguration : IEntityTypeConfiguration<ParticipantErasure>
{
    public void Configure(EntityTypeBuilder<ParticipantErasure> e)
    {
        e.ToTable("participant_erasures");
        e.HasKey(x => x.ParticipantId);
        e.Property(x => x.ParticipantId).HasColumnName("participant_id").ValueGeneratedNever();
        e.Property(x => x.Reason).HasColumnName("reason").HasConversion<string>().HasMaxLength(40);
        e.Property(x => x.ErasedBy).HasColumnName("erased_by").HasMaxLength(200);
        e.Property(x => x.ErasedAt).HasColumnName("erased_at");
        e.HasOne<Participant>().WithOne().HasForeignKey<ParticipantErasure>(x => x.ParticipantId).OnDelete(DeleteBehavior.Cascade);
    }
}
