namespace BackOffice.Core.Imports;

/// <summary>Another worker took the import up after this one's lease ran out: this one stops, writing nothing more.</summary>
public sealed class ImportLeaseLostException(Guid importId)
    : Exception($"Import {importId} was taken up by another worker after this one's lease ran out.");
