using System.Diagnostics;
using System.Net.Http.Headers;

namespace Samverkan.Bench.EventBench;

/// <summary>
/// The bearer token the load sends. Tokens of the identity service live 10 minutes and a propagation run takes longer,
/// so <c>--token-file</c> names a file that bench/lib.sh (<c>token_file</c>) rewrites with a fresh token every 4
/// minutes; it is read again at most every 30 seconds, off the hot path of all but one request. <c>--token</c> (a
/// fixed token) is for a run shorter than the token's life.
/// </summary>
public sealed class BearerToken
{
    private static readonly TimeSpan ReadEvery = TimeSpan.FromSeconds(30);
    private readonly string? _file;
    private AuthenticationHeaderValue _header;
    private long _readAt;

    private BearerToken(string token, string? file)
    {
        _file = file;
        _header = new AuthenticationHeaderValue("Bearer", token);
        _readAt = Stopwatch.GetTimestamp();
    }

    public static BearerToken Fixed(string token) => new(token, null);

    public static BearerToken FromFile(string path) => new(Read(path), path);

    public AuthenticationHeaderValue Header
    {
        get
        {
            if (_file is not null && Stopwatch.GetElapsedTime(Interlocked.Read(ref _readAt)) > ReadEvery)
            {
                Interlocked.Exchange(ref _readAt, Stopwatch.GetTimestamp());
                try { _header = new AuthenticationHeaderValue("Bearer", Read(_file)); }
                catch (IOException) { } // being replaced this instant: keep the one we have, read again later
            }
            return _header;
        }
    }

    private static string Read(string path) =>
        File.ReadAllText(path).Trim() is { Length: > 0 } token ? token : throw new IOException($"{path} is empty.");
}
