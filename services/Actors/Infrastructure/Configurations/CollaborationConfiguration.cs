using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Samverkan.Actors.Model;
using Samverkan.ServiceDefaults.Data;

namespace Samverkan.Actors.Infrastructure.Configurations;

internal sealed class CollaborationConfiguration : IEntityTypeConfiguration<Collaboration>
{
    public void Configure(EntityTypeBuilder<Collaboration> e)
    {
        e.ToTable("collaborations");
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).HasColumnName("id").ValueGeneratedNever();
        e.Property(x => x.Name).HasColumnName("name").HasMaxLength(300);
        e.Property(x => x.Purpose).HasColumnName("purpose").HasMaxLength(4000);
        e.Property(x => x.OwnerActorId).HasColumnName("owner_actor_id");
        e.HasOne<Actor>().WithMany().HasForeignKey(x => x.OwnerActorId).OnDelete(DeleteBehavior.Restrict);
        e.Property(x => x.TargetGroups).HasJsonColumn("target_groups");
        e.Property(x => x.MunicipalityCodes).HasColumnName("municipality_codes"); // text[]
        e.Property(x => x.StartDate).HasColumnName("start_date");
        e.Property(x => x.EndDate).HasColumnName("end_date");
        e.Property(x => x.Financing).HasJsonColumn("financing");
        e.Property(x => x.Targets).HasJsonColumn("targets");
        e.Property(x => x.CreatedAt).HasColumnName("created_at");
        e.Property(x => x.UpdatedAt).HasColumnName("updated_at");
        e.Property(x => x.Revision).HasColumnName("revision").HasDefaultValue(1L).ValueGeneratedNever();
        e.Property(x => x.Version).IsRowVersion(); // xmin
        e.HasMany(x => x.Members).WithOne().HasForeignKey(m => m.CollaborationId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(x => x.OwnerActorId);
    }
}

internal sealed class CollaborationMemberConfiguration : IEntityTypeConfiguration<CollaborationMember>
{
    public void Configure(EntityTypeBuilder<CollaborationMember> e)
    {
        e.ToTable("collaboration_members");
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).HasColumnName("id").ValueGeneratedNever();
        e.Property(x => x.CollaborationId).HasColumnName("collaboration_id");
        e.Property(x => x.ActorId).HasColumnName("actor_id");
        e.HasOne<Actor>().WithMany().HasForeignKey(x => x.ActorId).OnDelete(DeleteBehavior.Restrict);
        e.Property(x => x.Role).HasColumnName("role").HasConversion<string>().HasMaxLength(40);
        e.Property(x => x.Goals).HasColumnName("goals"); // text[]
        e.Property(x => x.JoinedOn).HasColumnName("joined_on");
        e.Property(x => x.LeftOn).HasColumnName("left_on");
        e.Property(x => x.Revision).HasColumnName("revision").HasDefaultValue(1L).ValueGeneratedNever();
        // One open membership per actor and collaboration: a concurrent double join fails here.
        e.HasIndex(x => new { x.CollaborationId, x.ActorId }).IsUnique().HasFilter("left_on IS NULL")
            .HasDatabaseName("ux_collaboration_members_open");
        // "Which collaborations is my agency in?" is the caseworker's list query.
        e.HasIndex(x => x.ActorId);
    }
}
