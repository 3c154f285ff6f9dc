/**
 * The dependency rules of src/ (README "How it is built"; run by `npm run check:deps`, and in CI before the tests).
 * Dependencies point one way: channels → core; features → core, shared and the engines; nothing imports a
 * feature but the composition root (server.ts, src/app/) and the HTTP surfaces that mount a feature's pages
 * and routes (src/api/, src/web/).
 *
 * @type {import('dependency-cruiser').IConfiguration}
 */
module.exports = {
  forbidden: [
    {
      name: "no-folder-cycles",
      comment: "Two folders that import each other are one idea split in two, or two ideas tangled: move the shared piece out.",
      severity: "error",
      scope: "folder",
      from: { path: "^src/" },
      to: { circular: true },
    },
    {
      name: "no-module-cycles",
      comment: "Files that import each other in a circle.",
      severity: "error",
      from: { path: "^src/" },
      to: { circular: true },
    },
    {
      name: "channels-at-the-edge",
      comment: "Only the channels themselves and the composition root (server.ts, src/app/) name a channel.",
      severity: "error",
      from: { path: "^src/", pathNot: ["^src/channels/", "^src/server\\.ts$", "^src/app/", "^src/web/chat/", "^src/web/web-deps\\.ts$", "^src/config\\.ts$"] },
      to: { path: "^src/channels/" },
    },
    {
      name: "config-composes-only-channel-configs",
      comment: "src/config.ts composes each channel's variables (src/channels/<channel>/config.ts) and nothing else of a channel.",
      severity: "error",
      from: { path: "^src/config\\.ts$" },
      to: { path: "^src/channels/", pathNot: "^src/channels/[^/]+/config\\.ts$" },
    },
    {
      name: "web-chat-uses-only-the-local-channel",
      comment: "The web chat is itself a channel (src/web/chat over src/channels/local, given through web-deps): it names no other.",
      severity: "error",
      from: { path: ["^src/web/chat/", "^src/web/web-deps\\.ts$"] },
      to: { path: "^src/channels/", pathNot: "^src/channels/local/" },
    },
    {
      name: "zalo-sdk-stands-alone",
      comment: "The Zalo SDK is a library of its own (its README): it imports nothing of the app around it.",
      severity: "error",
      from: { path: "^src/channels/zalo/sdk/" },
      to: { path: "^src/", pathNot: "^src/channels/zalo/sdk/" },
    },
    {
      name: "features-stand-alone",
      comment: "A feature imports no other feature: a piece two features need goes to src/shared/ (or src/domain/ for records).",
      severity: "error",
      from: { path: "^src/features/([^/]+)/" },
      to: { path: "^src/features/", pathNot: "^src/features/$1/" },
    },
    {
      name: "only-the-composition-root-imports-features",
      comment: "Engines, core and shared pieces import no feature; server.ts and src/app/ compose them, src/api/ and src/web/ mount their routes.",
      severity: "error",
      from: { path: "^src/", pathNot: ["^src/features/", "^src/app/", "^src/server\\.ts$", "^src/api/", "^src/web/"] },
      to: { path: "^src/features/" },
    },
    {
      name: "engines-import-no-app",
      comment: "nlu, plans, calendar, content and store are engines: they import nothing of the conversation (core, shared, dialogs, features).",
      severity: "error",
      from: { path: "^src/(nlu|plans|calendar|content|store)/" },
      to: { path: "^src/(features|shared|dialogs|app|api|web|channels|analytics)/" },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    // Type-only imports count: a type import is still a dependency of the code's shape.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    includeOnly: "^src/",
  },
};
