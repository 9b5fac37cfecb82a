using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Samverkan.Reporting.Infrastructure.Configurations;

internal sealed class ReadModelVersionConfiguration : IEntityTypeConfiguration<ReadModelVersion>
{
    public void Configure(EntityTypeBuilder<ReadModelVersion> e)
    {
        e.ToTable("read_model_versions");
        e.HasKey(x => x.Shard);
        e.Property(x => x.Shard).HasColumnName("shard").ValueGeneratedNever();
        e.Property(x => x.Version).HasColumnName("version");
        // Every shard exists from the start: consumers only ever update one.
        e.HasData(Enumerable.Range(0, ReadModelVersions.Shards).Select(s => new ReadModelVersion { Shard = s, Version = 0 }));
    }
}
