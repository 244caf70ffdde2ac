FROM fedora:40
RUN dnf module install -y nodejs:20 && dnf clean all
RUN microdnf module install -y tomcat:9/common && microdnf clean all
RUN dnf module enable -y nodejs && dnf module list
RUN gem install bundler:2.0.1 -- --use-system-libraries=true
RUN gem install bundler:2.0.1 -- --use-system-libraries true
USER 10001
