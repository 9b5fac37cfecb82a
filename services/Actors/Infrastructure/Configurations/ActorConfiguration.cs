using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Samverkan.Actors.Model;
using Samverkan.ServiceDefaults.Data;

namespace Samverkan.Actors.Infrastructure.Configurations;

internal sealed class ActorConfiguration : IEntityTypeConfiguration<Actor>
{
    public void Configure(EntityTypeBuilder<Actor> e)
    {
        e.ToTable("actors");
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).HasColumnName("id").ValueGeneratedNever();
        e.Property(x => x.Name).HasColumnName("name").HasMaxLength(300);
        e.Property(x => x.OrganisationNumber).HasColumnName("organisation_number").HasMaxLength(10);
        e.Property(x => x.Sector).HasColumnName("sector").HasConversion<string>().HasMaxLength(40);
        e.Property(x => x.Kind).HasColumnName("kind").HasConversion<string>().HasMaxLength(40);
        e.Property(x => x.MunicipalityCode).HasColumnName("municipality_code").HasMaxLength(4);
        e.Property(x => x.Contacts).HasJsonColumn("contacts");
        e.Property(x => x.RegisteredAt).HasColumnName("registered_at");
        e.Property(x => x.UpdatedAt).HasColumnName("updated_at");
        e.Property(x => x.Revision).HasColumnName("revision").HasDefaultValue(1L).ValueGeneratedNever();
        e.Property(x => x.Version).IsRowVersion(); // Npgsql maps a uint row version to the xmin system column
        e.HasIndex(x => x.OrganisationNumber).IsUnique();
    }
}
