FROM python:3.12-slim
WORKDIR /app
# expect: HD315 @1-4
CMD ["python", "-m", "http.server"]
# expect: HD315 @1-11
ENTRYPOINT ["/docker-entrypoint.sh"]
RUN pip install gunicorn
# expect: HD315 @1-4
CMD ["gunicorn", "app:app"]
ENTRYPOINT ["tini", "--"]
cmd ["gunicorn", "-w", "4", "app:app"]
# expect: HD315 @1-12
HEALTHCHECK CMD curl -f http://localhost:8080/ || exit 1
HEALTHCHECK CMD ["/bin/healthcheck"]
