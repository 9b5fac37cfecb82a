using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Samverkan.Participants.Infrastructure.Configurations;

internal sealed class KnownActorConfiguration : IEntityTypeConfiguration<KnownActor>
{
    public void Configure(EntityTypeBuilder<KnownActor> e)
    {
        e.ToTable("known_actors");
        e.HasKey(x => x.Id);
        // The id is the one Actors gave; never generated here.
        e.Property(x => x.Id).HasColumnName("id").ValueGeneratedNever();
        e.Property(x => x.Name).HasColumnName("name").HasMaxLength(300);
        e.Property(x => x.Sector).HasColumnName("sector").HasConversion<string>().HasMaxLength(40);
        e.Property(x => x.Kind).HasColumnName("kind").HasConversion<string>().HasMaxLength(40);
    }
}
