/// ErrorKB's own release, recorded in every database it builds.
public enum Release {
    public static let version = "0.3.0"
}
