/*
 * Lexer for POSIX sh / bash command text: Dockerfile RUN bodies, scripts, CI steps.
 *
 * Mode and nesting management lives in ShellLexerBase.nextToken (no actions here): it pushes a mode for
 * "...", ${...}, $(...), <(...), (...) and backticks, pops on the matching closer, never throws on an
 * unbalanced ")", hides case patterns, and reads here-document bodies.
 */
lexer grammar ShellLexer;

options { superClass = ShellLexerBase; }

tokens { BACKTICK_OPEN, BACKTICK_CLOSE, STRAY_RPAREN, PATTERN_END, HEREDOC_BODY }

channels { HEREDOC_CHANNEL }

NEWLINE       : '\r\n' | '\n' | '\r' ;
// a backslash-newline next to blanks is part of the blank; between word characters it is removed
BLANK         : (BLANK_CHAR | CONTINUATION)* BLANK_CHAR (BLANK_CHAR | CONTINUATION)* ;
LINE_CONT     : CONTINUATION -> skip ;
// the base class turns a '#' that does not start a word back into a one-character WORD
COMMENT       : '#' ~[\r\n]* -> channel(HIDDEN) ;
AND_IF        : '&&' ;
OR_IF         : '||' ;
DSEMI         : ';;&' | ';;' | ';&' ;
SEMI          : ';' ;
PIPE_AMP      : '|&' ;
PIPE          : '|' ;
HEREDOC_OP    : [0-9]* '<<' '-'? [ \t]* HEREDOC_DELIMITER ;
REDIR_OP      : [0-9]* ('<' | '>' | '>>' | '<>' | '>|' | '<&' | '>&' | '<<<' | '<<' | '<<-') | '&>' | '&>>' ;
PROC_SUB_OPEN : [<>] '(' ;
AMP           : '&' ;
LPAREN        : '(' ;
RPAREN        : ')' ;
ARITH         : ARITHMETIC_EXPANSION ;
DOLLAR_PAREN  : '$(' ;
DOLLAR_BRACE  : '${' ;
PARAM         : PARAMETER ;
DOLLAR_SQ     : '$\'' (~['\\] | '\\' .)* '\'' ;
SQ            : '\'' ~'\''* '\'' ;
DQ_START      : '"' ;
BACKTICK      : '`' ;
ESCAPED       : '\\' ~[\r\n] ;
WORD          : ~[ \t\r\n;&|()<>'"\\$`]+ ;
// unterminated quote, trailing backslash, lone dollar: literal characters
LONE_CHAR     : [\\'$] -> type(WORD) ;

fragment BLANK_CHAR   : [ \t] ;
fragment CONTINUATION : '\\' ('\r\n' | '\n' | '\r') ;
fragment PARAMETER    : '$' ([a-zA-Z_] [a-zA-Z0-9_]* | [0-9] | [@*#?$!-]) ;
fragment ARITHMETIC_EXPANSION : '$((' ARITHMETIC_BODY '))' ;
fragment ARITHMETIC_BODY      : (~[()] | '(' ARITHMETIC_BODY ')')* ;
fragment HEREDOC_DELIMITER    : (~[ \t\r\n;&|()<>'"\\] | '\'' ~'\''* '\'' | '"' ~'"'* '"' | '\\' ~[\r\n])+ ;

mode DQ_MODE;
DQ_END          : '"' ;
DQ_ARITH        : ARITHMETIC_EXPANSION -> type(ARITH) ;
DQ_DOLLAR_PAREN : '$(' -> type(DOLLAR_PAREN) ;
DQ_DOLLAR_BRACE : '${' -> type(DOLLAR_BRACE) ;
DQ_PARAM        : PARAMETER -> type(PARAM) ;
DQ_BACKTICK     : '`' -> type(BACKTICK) ;
DQ_TEXT         : (~["\\$`] | '\\' .)+ ;
DQ_LONE         : [\\$] -> type(DQ_TEXT) ;

mode BRACE_MODE;
BRACE_CLOSE     : '}' ;
BRACE_OPEN      : '{' ;
BR_ARITH        : ARITHMETIC_EXPANSION -> type(ARITH) ;
BR_DOLLAR_PAREN : '$(' -> type(DOLLAR_PAREN) ;
BR_DOLLAR_BRACE : '${' -> type(DOLLAR_BRACE) ;
BR_PARAM        : PARAMETER -> type(PARAM) ;
BR_BACKTICK     : '`' -> type(BACKTICK) ;
BR_DQ           : '"' -> type(DQ_START) ;
BRACE_TEXT      : (~[{}$`"'\\] | '\\' . | '\'' ~'\''* '\'')+ ;
BR_LONE         : [\\$'] -> type(BRACE_TEXT) ;
