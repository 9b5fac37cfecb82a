using Samverkan.ServiceDefaults;
using Samverkan.Testing;

namespace Samverkan.Actors.IntegrationTests;

/// <summary>The real Actors service in-process, on its own fresh database and the real broker.</summary>
public sealed class ActorsApiFactory() : ServiceApiFactory<Program>(ResourceNames.ActorsDb);
