using System.Runtime.CompilerServices;

namespace Samverkan.Testing;

/// <summary>
/// Data built once per fixture (each service factory has its own database) and then only read by the tests that
/// share it. Concurrent first callers await the same build; a collected fixture takes its data with it.
/// </summary>
public sealed class OncePerFixture<TFixture, T>(Func<TFixture, Task<T>> build) where TFixture : class
{
    private readonly ConditionalWeakTable<TFixture, Lazy<Task<T>>> _built = new();

    public Task<T> For(TFixture fixture) => _built.GetValue(fixture, f => new Lazy<Task<T>>(() => build(f))).Value;
}
