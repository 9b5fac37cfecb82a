using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Samverkan.Employers.Model;
using Samverkan.ServiceDefaults.Data;

namespace Samverkan.Employers.Infrastructure.Configurations;

internal sealed class EmployerConfiguration : IEntityTypeConfiguration<Employer>
{
    public const string OrganisationNumberIndex = "ix_employers_organisation_number";
    public const string ActorIdIndex = "ix_employers_actor_id";

    public void Configure(EntityTypeBuilder<Employer> e)
    {
        e.ToTable("employers");
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).HasColumnName("id").ValueGeneratedNever();
        e.Property(x => x.OrganisationNumber).HasColumnName("organisation_number").HasMaxLength(10);
        e.Property(x => x.Name).HasColumnName("name").HasMaxLength(300);
        e.Property(x => x.IndustryCode).HasColumnName("industry_code").HasMaxLength(5);
        e.Property(x => x.MunicipalityCode).HasColumnName("municipality_code").HasMaxLength(4);
        e.Property(x => x.SizeBand).HasColumnName("size_band").HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.Contacts).HasJsonColumn("contacts");
        e.Property(x => x.OwnerActorId).HasColumnName("owner_actor_id");
        e.Property(x => x.ActorId).HasColumnName("actor_id");
        e.Property(x => x.RegisteredAt).HasColumnName("registered_at");
        e.Property(x => x.UpdatedAt).HasColumnName("updated_at");
        e.Property(x => x.Revision).HasColumnName("revision").HasDefaultValue(1L).ValueGeneratedNever();
        e.Property(x => x.Version).IsRowVersion();
        e.HasIndex(x => x.OrganisationNumber).IsUnique().HasDatabaseName(OrganisationNumberIndex);
        // One employer record per employer actor: an employer token's agency claim finds at most one.
        e.HasIndex(x => x.ActorId).IsUnique().HasDatabaseName(ActorIdIndex);
        e.HasIndex(x => x.OwnerActorId).HasDatabaseName("ix_employers_owner_actor_id");
        e.HasOne<KnownActor>().WithMany().HasForeignKey(x => x.OwnerActorId).OnDelete(DeleteBehavior.Restrict);
    }
}
