/*
 * Dockerfile lexer. A Dockerfile is line oriented: the first word of a logical line is the instruction,
 * a logical line goes on after a line ending in the escape character (backslash, or backtick with the
 * `# escape=` directive), and blank or comment lines inside a continuation are dropped, as BuildKit does.
 * Heredoc bodies (RUN/COPY/ADD <<EOF) are cut into HEREDOC tokens by DockerfileLexerBase, which also
 * knows the escape character. Argument syntax (flags, JSON, key=value) is read by DockerfileModelBuilder
 * from the joined text, keeping every character's original offset.
 */
lexer grammar DockerfileLexer;

options { superClass = DockerfileLexerBase; }

@header { package dev.hardock.source.dockerfile; }

tokens { HEREDOC }

// A blank or comment line inside a continued instruction: BuildKit drops it.
CONT_SKIP    : {inContinuation()}? [ \t\f\u000B]* ('#' ~[\r\n]*)? NL_FRAG ;

// The escape character before the end of the line (trailing blanks allowed) joins the next line.
CONTINUATION : {continuationAllowed()}? ESC_CHAR [ \t\f\u000B]* NL_FRAG ;

COMMENT      : {atLineStart()}? '#' ~[\r\n]* ;

NL           : NL_FRAG ;

WS           : [ \t\f\u000B]+ ;

ESCAPE_CHAR  : [\\`] ;

TEXT         : ~[ \t\f\u000B\r\n\\`]+ ;

fragment NL_FRAG  : '\r'? '\n' | '\r' ;
fragment ESC_CHAR : '\\' {isEscape('\\')}? | '`' {isEscape('`')}? ;
