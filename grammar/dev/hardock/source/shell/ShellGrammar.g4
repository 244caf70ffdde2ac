/*
 * Parser for shell command lists. Blanks are tokens because they separate words: adjacent word parts
 * (a"b"$c) form one word. Compound commands (if/for/while/case/{ }) are read as ordinary words; the
 * adapter strips reserved words, so they never break a parse.
 */
parser grammar ShellGrammar;

options { tokenVocab = ShellLexer; }

script        : list EOF ;
list          : linebreak (andOr (separator andOr)* separator?)? ;
separator     : separatorToken (BLANK | separatorToken)* ;
separatorToken: SEMI | AMP | DSEMI | NEWLINE | PATTERN_END | STRAY_RPAREN ;
linebreak     : (BLANK | NEWLINE)* ;
andOr         : pipeline ((AND_IF | OR_IF) linebreak pipeline)* ;
pipeline      : command ((PIPE | PIPE_AMP) linebreak command)* ;
command       : (functionDef | subshell | simpleCommand) BLANK? ;
functionDef   : (word BLANK)? word BLANK? LPAREN BLANK? RPAREN linebreak command ;
subshell      : (word BLANK)* LPAREN list RPAREN (BLANK? redirect)* ;
simpleCommand : element (BLANK? redirect | BLANK word)* ;
element       : word | redirect ;
redirect      : REDIR_OP BLANK? word | HEREDOC_OP ;
word          : part+ ;
part          : WORD | SQ | DOLLAR_SQ | ESCAPED | PARAM | ARITH
              | doubleQuoted | commandSub | backtickSub | paramExpansion | processSub ;
doubleQuoted  : DQ_START dqPart* DQ_END ;
dqPart        : DQ_TEXT | PARAM | ARITH | commandSub | backtickSub | paramExpansion ;
commandSub    : DOLLAR_PAREN list RPAREN ;
processSub    : PROC_SUB_OPEN list RPAREN ;
backtickSub   : BACKTICK_OPEN list BACKTICK_CLOSE ;
paramExpansion: DOLLAR_BRACE braceItem* BRACE_CLOSE ;
braceItem     : BRACE_TEXT | PARAM | ARITH | BRACE_OPEN braceItem* BRACE_CLOSE
              | doubleQuoted | commandSub | backtickSub | paramExpansion ;
