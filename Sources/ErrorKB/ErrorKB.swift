// ErrorKB, as a Swift user imports it: the document model, the importer, the database, the
// queries and the build pipeline. `import ErrorKB` brings all of them; each layer is a target of
// its own (see Package.swift), whose `package` declarations are not part of this API.
@_exported import ErrorKBBuild
@_exported import ErrorKBImport
@_exported import ErrorKBModel
@_exported import ErrorKBQuery
@_exported import ErrorKBStore
