import ArgumentParser
import Foundation
import KarirCore

/// Options every command shares: where the knowledge and prompts live.
struct KnowledgeOptions: ParsableArguments {
    @Option(name: .long, help: "Folder with the knowledge base (YAML files).")
    var knowledge: String = "./knowledge"

    @Option(name: .long, help: "Folder with the prompt texts (YAML files).")
    var prompts: String = "./prompts"

    @Option(name: .long, help: ArgumentHelp(
        "Folder where trained models are kept between loads, or `off`.",
        discussion: "Default: $KARIR_CACHE_DIR, else $XDG_CACHE_HOME/karir, else ~/.cache/karir. Unchanged knowledge then loads without training."))
    var modelCache: String?

    var knowledgeURL: URL { URL(fileURLWithPath: knowledge) }
    var promptsURL: URL { URL(fileURLWithPath: prompts) }

    /// The model cache these options name (nil when it is off).
    var modelCacheSetting: ModelCache? {
        guard let modelCache else { return ModelCache.standard() }
        return modelCache == "off" ? nil : ModelCache(directory: URL(fileURLWithPath: modelCache))
    }

    /// Loads the engine with the model cache these options name, or prints every error with
    /// its location and exits with status 1.
    func loadEngine() throws -> Engine {
        try loadEngine(modelCache: modelCacheSetting)
    }

    /// Loads the engine with the given model cache (nil: train on this load).
    func loadEngine(modelCache: ModelCache?) throws -> Engine {
        do {
            return try Engine.load(knowledge: knowledgeURL, prompts: promptsURL, modelCache: modelCache)
        } catch {
            printError(error.description)
            throw ExitCode(1)
        }
    }
}

/// Writes a line to standard error.
func printError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}
