namespace Samverkan.Web.Workspaces;

/// <summary>The Employers API's wire values in Swedish (services/Contracts/Employers, services/Employers/Model).</summary>
public static partial class Labels
{
    public static readonly IReadOnlyDictionary<string, string> OfferKind = new Dictionary<string, string>
    {
        ["internship"] = "Praktikplats", ["work-trial"] = "Prövningsplats", ["job"] = "Anställning",
        ["subsidised-job"] = "Anställning med stöd", ["summer-job"] = "Sommarjobb",
    };

    public static readonly IReadOnlyDictionary<string, string> OfferStatus = new Dictionary<string, string>
    {
        ["open"] = "Öppet", ["filled"] = "Tillsatt", ["closed"] = "Stängt",
    };

    public static readonly IReadOnlyDictionary<string, string> SwedishLevel = new Dictionary<string, string>
    {
        ["none"] = "Ingen svenska krävs", ["basic"] = "Grundläggande", ["intermediate"] = "Mellannivå",
        ["advanced"] = "Avancerad", ["fluent"] = "Flytande",
    };

    public static readonly IReadOnlyDictionary<string, string> DistanceBand = new Dictionary<string, string>
    {
        ["same-municipality"] = "Samma kommun", ["same-county"] = "Samma län", ["other-county"] = "Annat län",
    };

    public static readonly IReadOnlyDictionary<string, string> PipelineStage = new Dictionary<string, string>
    {
        ["proposed"] = "Föreslagen", ["presented-to-employer"] = "Presenterad för arbetsgivaren", ["interview"] = "Intervju",
        ["placed"] = "På plats", ["employed"] = "Anställd", ["ended"] = "Avslutad",
    };

    public static readonly IReadOnlyDictionary<string, string> SizeBand = new Dictionary<string, string>
    {
        ["none"] = "Inga anställda", ["micro"] = "1–9 anställda", ["small"] = "10–49 anställda",
        ["medium"] = "50–249 anställda", ["large"] = "250 anställda eller fler",
    };
}
