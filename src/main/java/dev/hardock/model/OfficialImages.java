package dev.hardock.model;

import java.util.Set;

/**
 * Names of Docker Official Images: the only images a bare name (no registry, no namespace) can be pulled by,
 * since {@code nginx} means {@code docker.io/library/nginx}. From docker-library/docs (one folder per image),
 * plus deprecated images that can still be pulled.
 */
public final class OfficialImages {
  private OfficialImages() { }

  private static final Set<String> NAMES = Set.of(
      "adminer", "aerospike", "almalinux", "alpine", "alt", "amazoncorretto", "amazonlinux", "api-firewall",
      "arangodb", "archlinux", "azul-zulu", "backdrop", "bash", "bonita", "buildpack-deps", "busybox", "caddy",
      "cassandra", "chronograf", "cirros", "clearlinux", "clefos", "clickhouse", "clojure", "composer",
      "convertigo", "couchbase", "couchdb", "crate", "dart", "debian", "docker", "drupal", "eclipse-mosquitto",
      "eclipse-temurin", "eggdrop", "elasticsearch", "elixir", "emqx", "erlang", "espocrm", "fedora", "flink",
      "fluentd", "friendica", "gazebo", "gcc", "geonetwork", "ghost", "golang", "gradle", "groovy", "haproxy",
      "haskell", "haxe", "hello-world", "hitch", "httpd", "hylang", "ibm-semeru-runtimes", "ibmjava",
      "influxdb", "irssi", "jetty", "joomla", "jruby", "julia", "kapacitor", "kibana", "kong", "krakend",
      "lightstreamer", "liquibase", "logstash", "mageia", "mariadb", "matomo", "maven", "mediawiki",
      "memcached", "mongo", "mongo-express", "monica", "mysql", "nats", "neo4j", "neurodebian", "nextcloud",
      "nginx", "nim", "node", "notary", "odoo", "open-liberty", "openjdk", "oraclelinux", "orientdb", "percona",
      "perl", "photon", "php", "php-zendserver", "phpmyadmin", "plone", "postfixadmin", "postgres", "pypy",
      "python", "r-base", "rabbitmq", "rakudo-star", "redis", "redmine", "registry", "rethinkdb",
      "rocket.chat", "rockylinux", "ros", "ruby", "rust", "sapmachine", "satosa", "silverpeas", "solr",
      "sonarqube", "spark", "spiped", "storm", "swift", "swipl", "teamspeak", "telegraf", "tomcat", "tomee",
      "traefik", "ubuntu", "unit", "varnish", "websphere-liberty", "wordpress", "xwiki", "yourls", "znc",
      "zookeeper",
      // deprecated, still pullable
      "centos", "consul", "jenkins", "mono", "nuxeo", "owncloud", "sentry", "vault", "java", "iojs", "rails",
      "django", "celery", "glassfish", "swarm", "thrift", "known", "fsharp", "jobber", "kaazing-gateway");

  public static boolean contains(String name) {
    return NAMES.contains(name);
  }
}
