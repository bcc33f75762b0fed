/// ErrorKB's own release, recorded in every database it builds.
public enum Release {
    /// The version `kb --version` prints.
    public static let version = "0.3.0"
}
