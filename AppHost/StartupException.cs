namespace Samverkan.AppHost;

/// <summary>A failure the user can fix; its message says how, and is shown without a stack trace.</summary>
internal sealed class StartupException(string message) : Exception(message);
