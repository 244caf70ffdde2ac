package dev.hardock.rule.build;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** SettingKey.start widens a bare-name match exactly as the former optional regex prefix did. */
class SettingKeyTest {
  static final Pattern OLD_TLS =
      Pattern.compile(
          "(?i)(?<![\\w-])(?:[\\w.*:/-]+\\.)?(?:sslverify\\s*=\\s*[\"']?(?:0|false|no|off)"
              + "|check_certificate\\s*=\\s*[\"']?off|strict-ssl\\s*=\\s*[\"']?false)(?![\\w-])");
  static final Pattern NEW_TLS =
      Pattern.compile(
          "(?i)(?<![\\w-])(?:sslverify\\s*=\\s*[\"']?(?:0|false|no|off)"
              + "|check_certificate\\s*=\\s*[\"']?off|strict-ssl\\s*=\\s*[\"']?false)(?![\\w-])");
  static final Pattern OLD_GPG =
      Pattern.compile(
          "(?i)(?<![\\w-])(?:[\\w.*-]+\\.)?gpgcheck\\s*=\\s*[\"']?(?:0|false|no|off)(?![\\w-])");
  static final Pattern NEW_GPG =
      Pattern.compile("(?i)(?<![\\w-])gpgcheck\\s*=\\s*[\"']?(?:0|false|no|off)(?![\\w-])");

  static List<String> spans(Pattern p, String s) {
    List<String> out = new ArrayList<>();
    Matcher m = p.matcher(s);
    while (m.find()) out.add(m.start() + "-" + m.end());
    return out;
  }

  static List<String> widened(Pattern p, String s, String keyChars) {
    List<String> out = new ArrayList<>();
    Matcher m = p.matcher(s);
    int floor = 0;
    while (m.find()) {
      out.add(SettingKey.start(s, m.start(), floor, keyChars) + "-" + m.end());
      floor = m.end();
    }
    return out;
  }

  @Test
  void sameMatchesAsTheOptionalPrefix() {
    for (String s :
        List.of(
            "sslverify=0",
            "http.sslverify=false",
            "echo 'x.y/z:w-1.sslVerify = no' >> f",
            "a-sslverify=0",
            "x_sslverify=0",
            "x/sslverify=0",
            ".sslverify=0",
            "a..sslverify=0",
            "sslverify=0.sslverify=0",
            "-x.sslverify=0",
            "foo-bar.sslverify=0 check_certificate = off strict-ssl=false",
            "k*.sslverify=off",
            "a.b.c.d sslverify=0",
            "é.sslverify=0",
            "a-.sslverify=0")) {
      assertEquals(spans(OLD_TLS, s), widened(NEW_TLS, s, ".*:/-"), s);
    }
    for (String s :
        List.of(
            "gpgcheck=0",
            "repo.gpgcheck=0",
            "echo 'repo_gpgcheck=0' > x",
            "a.b-c.gpgcheck = 'false'",
            "x/y.gpgcheck=0",
            "-repo.gpgcheck=0",
            "gpgcheck=0;gpgcheck=0",
            "a:b.gpgcheck=no")) {
      assertEquals(spans(OLD_GPG, s), widened(NEW_GPG, s, ".*-"), s);
    }
  }
}
