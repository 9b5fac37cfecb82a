using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Samverkan.Reporting.Infrastructure.Configurations;

internal sealed class ReadModelVersionConfiguration : IEntityTypeConfiguration<ReadModelVersion>
{
    public void Configure(EntityTypeBuilder<ReadModelVersion> e)
    {
        e.ToTable("read_model_versions");
        e.HasKey(x => new { x.Scope, x.Shard });
        e.Property(x => x.Scope).HasColumnName("scope");
        e.Property(x => x.Shard).HasColumnName("shard").ValueGeneratedNever();
        e.Property(x => x.Version).HasColumnName("version");
    }
}
