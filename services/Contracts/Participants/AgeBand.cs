using System.Text.Json.Serialization;

namespace Samverkan.Contracts.Participants;

/// <summary>Age at start in the bands reporting uses (ESF+ counts below 18, 18–29 and 55 and over). The exact age never leaves Participants.</summary>
public enum AgeBand
{
    [JsonStringEnumMemberName("under-18")] Under18 = 1,
    [JsonStringEnumMemberName("18-24")] From18To24 = 2,
    [JsonStringEnumMemberName("25-29")] From25To29 = 3,
    [JsonStringEnumMemberName("30-54")] From30To54 = 4,
    [JsonStringEnumMemberName("55-and-over")] From55 = 5,
}
