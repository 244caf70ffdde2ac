/*
 * Groups the Dockerfile tokens into instructions: a keyword, the rest of its logical line, and the
 * heredoc bodies that follow it. Anything is accepted, so a broken line never stops the parse; what an
 * instruction's arguments mean is checked when the model is built.
 */
parser grammar DockerfileParser;

options { tokenVocab = DockerfileLexer; }

@header { package dev.hardock.source.dockerfile; }

dockerfile  : (NL | WS | COMMENT | CONT_SKIP | instruction)* EOF ;

instruction : keyword argument* (NL | EOF)? HEREDOC* ;

keyword     : TEXT | ESCAPE_CHAR | CONTINUATION ;

argument    : TEXT | WS | ESCAPE_CHAR | CONTINUATION | CONT_SKIP | COMMENT ;
