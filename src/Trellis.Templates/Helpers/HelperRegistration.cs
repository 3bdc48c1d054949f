using HandlebarsDotNet;

namespace Trellis.Templates.Helpers;

/// <summary>Registers every Trellis helper (see <see cref="HelperCatalog"/>) on a Handlebars environment.</summary>
internal static class HelperRegistration
{
    public static void RegisterAll(IHandlebars handlebars)
    {
        LogicHelpers.Register(handlebars);
        TextHelpers.Register(handlebars);
        DateHelper.Register(handlebars);
        NumberHelper.Register(handlebars);

        // Handlebars.Net 2.4 has no 'log' although Handlebars.js does; rendering must stay free of side
        // effects, so it is accepted and does nothing.
        handlebars.RegisterHelper("log", (EncodedTextWriter _, Context _, Arguments _) => { });
    }
}
