using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Samverkan.ServiceDefaults.Http;

namespace Samverkan.ServiceDefaults.Data;

/// <summary>
/// Maps a value object (or a list of them) to one jsonb column through System.Text.Json with the
/// platform's conventions. Used for parts that are read and written whole and never queried inside, so a
/// table per list would only add joins. Compared by their JSON, so changes inside a list are detected.
/// </summary>
public static class JsonColumn
{
    private static readonly JsonSerializerOptions Options = JsonConventions.Create();

    public static PropertyBuilder<T> HasJsonColumn<T>(this PropertyBuilder<T> property, string columnName) where T : class =>
        property.HasColumnName(columnName).HasColumnType("jsonb").HasConversion(
            v => JsonSerializer.Serialize(v, Options),
            s => JsonSerializer.Deserialize<T>(s, Options)!,
            new ValueComparer<T>(
                (a, b) => JsonSerializer.Serialize(a, Options) == JsonSerializer.Serialize(b, Options),
                v => JsonSerializer.Serialize(v, Options).GetHashCode(),
                v => JsonSerializer.Deserialize<T>(JsonSerializer.Serialize(v, Options), Options)!));
}
