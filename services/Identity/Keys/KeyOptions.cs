namespace Samverkan.Identity.Keys;

/// <summary>How long a key signs, how early its successor is published, how long a retired key still verifies.</summary>
public sealed class KeyOptions
{
    public const string Section = "Identity:Keys";

    /// <summary>
    /// Where the private keys live (a mounted secret volume in production). Required outside Development; in
    /// Development a directory in the user's profile, marked as development keys so that production refuses it.
    /// </summary>
    public string? Directory { get; set; }
    public int RotationDays { get; set; } = 90;
    /// <summary>A new key is in the JWKS this long before it signs, so every validator has fetched it by then.</summary>
    public int PrePublishDays { get; set; } = 7;
    /// <summary>A replaced key stays in the JWKS this long (longer than any refresh token or code lives).</summary>
    public int RetiredKeptDays { get; set; } = 14;
}
