import ArgumentParser
import Foundation
import KarirCore

/// Options every command shares: where the knowledge and prompts live.
struct KnowledgeOptions: ParsableArguments {
    @Option(name: .long, help: "Folder with the knowledge base (YAML files).")
    var knowledge: String = "./knowledge"

    @Option(name: .long, help: "Folder with the prompt texts (YAML files).")
    var prompts: String = "./prompts"

    var knowledgeURL: URL { URL(fileURLWithPath: knowledge) }
    var promptsURL: URL { URL(fileURLWithPath: prompts) }

    /// Loads the engine, or prints every error with its location and exits with status 1.
    func loadEngine() throws -> Engine {
        do {
            return try Engine.load(knowledge: knowledgeURL, prompts: promptsURL)
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
