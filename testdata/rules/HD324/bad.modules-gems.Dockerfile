FROM fedora:40
# a module without a stream installs whatever stream is the default (hadolint DL3033, DL3041)
# expect: HD324 @27-33
RUN dnf module install -y nodejs && dnf clean all
# expect: HD324 @27-33
RUN yum module install -y tomcat && yum clean all
# after -- come the gem's build options, not gems (hadolint DL3028)
# expect: HD324 @17-24
RUN gem install bundler -- --use-system-libraries true
USER 10001
