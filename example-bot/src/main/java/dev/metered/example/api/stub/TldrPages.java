package dev.metered.example.api.stub;

import java.util.Map;
import java.util.Optional;

/** The handful of tldr pages the stub serves, in tldr's Markdown format. */
final class TldrPages {
  private static final Map<String, String> PAGES =
      Map.of(
          "common/tar", page("tar", "Archiving utility.", "tar cf {{target.tar}} {{file1 file2}}"),
          "common/git", page("git", "Distributed version control system.", "git status"),
          "common/ls", page("ls", "List directory contents.", "ls -la"),
          "common/curl", page("curl", "Transfers data from or to a server.", "curl {{url}}"),
          "common/ssh", page("ssh", "Secure Shell client.", "ssh {{user}}@{{host}}"),
          "common/grep", page("grep", "Find patterns in files.", "grep {{pattern}} {{file}}"),
          "common/docker", page("docker", "Manage Docker containers.", "docker ps"),
          "linux/apt", page("apt", "Debian's package manager.", "sudo apt install {{package}}"),
          "linux/systemctl", page("systemctl", "Control systemd.", "systemctl status {{unit}}"));

  private TldrPages() {}

  static Optional<String> find(String platform, String name) {
    return Optional.ofNullable(PAGES.get(platform + "/" + name));
  }

  private static String page(String name, String description, String example) {
    return "# " + name + "\n\n> " + description + "\n\n- Example:\n\n`" + example + "`\n";
  }
}
