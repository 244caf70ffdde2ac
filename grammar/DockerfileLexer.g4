/*
 * Dockerfile lexer. A Dockerfile is line oriented: the first word of a logical line is the instruction,
 * a logical line goes on after a line ending in the escape character (backslash, or backtick with the
 * `# escape=` directive), and blank or comment lines inside a continuation are dropped, as BuildKit does.
 *
 * The rules here are context free so that ANTLR's DFA caches every edge (semantic predicates would
 * disable that and made lexing several times slower). The context-dependent tokens (CONTINUATION,
 * CONT_SKIP, COMMENT and the HEREDOC bodies of RUN/COPY/ADD <<EOF) are cut by DockerfileLexerBase,
 * which also knows the escape character. Argument syntax (flags, JSON, key=value) is read by
 * DockerfileReader from the joined text, keeping every character's original offset.
 */
lexer grammar DockerfileLexer;

options { superClass = DockerfileLexerBase; }

@header { package dev.hardock.source.dockerfile; }

tokens { HEREDOC, CONTINUATION, CONT_SKIP, COMMENT }

NL           : '\r'? '\n' | '\r' ;

WS           : [ \t\f\u000B]+ ;

ESCAPE_CHAR  : [\\`] ;

TEXT         : ~[ \t\f\u000B\r\n\\`]+ ;
