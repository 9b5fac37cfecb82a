using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Samverkan.Reporting.Model;

namespace Samverkan.Reporting.Infrastructure.Configurations;

internal sealed class ActorFactConfiguration : IEntityTypeConfiguration<ActorFact>
{
    public void Configure(EntityTypeBuilder<ActorFact> e)
    {
        e.ToTable("actor_facts");
        e.HasKey(x => x.ActorId);
        // The id is the one Actors gave; never generated here.
        e.Property(x => x.ActorId).HasColumnName("actor_id").ValueGeneratedNever();
        e.Property(x => x.Name).HasColumnName("name").HasMaxLength(300);
        e.Property(x => x.Sector).HasColumnName("sector").HasConversion<string>().HasMaxLength(40);
        e.Property(x => x.Kind).HasColumnName("kind").HasConversion<string>().HasMaxLength(40);
        e.Property(x => x.MunicipalityCode).HasColumnName("municipality_code").HasMaxLength(4);
        e.Property(x => x.RegisteredAt).HasColumnName("registered_at");
    }
}
