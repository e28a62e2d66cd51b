/*eslint-disable block-scoped-var, id-length, no-control-regex, no-magic-numbers, no-mixed-operators, no-prototype-builtins, no-redeclare, no-shadow, no-var, sort-vars, default-case, jsdoc/require-param*/
import $protobuf from "protobufjs/minimal.js";

// Common aliases
const $Reader = $protobuf.Reader, $Writer = $protobuf.Writer, $util = $protobuf.util;
const $Object = $util.global.Object, $undefined = $util.global.undefined, $Error = $util.global.Error, $RangeError = $util.global.RangeError, $TypeError = $util.global.TypeError, $String = $util.global.String, $Number = $util.global.Number, $parseInt = $util.global.parseInt, $BigInt = $util.global.BigInt, $Array = $util.global.Array, $Boolean = $util.global.Boolean, $isFinite = $util.global.isFinite;

// Exported root namespace
const $root = $protobuf.roots["default"] || ($protobuf.roots["default"] = {});

export const lookout = $root.lookout = (() => {

    /**
     * Namespace lookout.
     * @exports lookout
     * @namespace
     */
    const lookout = {};

    lookout.v1 = (function() {

        /**
         * Namespace v1.
         * @memberof lookout
         * @namespace
         */
        const v1 = {};

        /**
         * Kind enum.
         * @name lookout.v1.Kind
         * @enum {number}
         * @property {number} KIND_UNSPECIFIED=0 KIND_UNSPECIFIED value
         * @property {number} KIND_BIRTH=1 KIND_BIRTH value
         * @property {number} KIND_STATE=2 KIND_STATE value
         * @property {number} KIND_PLOTS=3 KIND_PLOTS value
         * @property {number} KIND_TRACKS=4 KIND_TRACKS value
         * @property {number} KIND_ALERTS=5 KIND_ALERTS value
         * @property {number} KIND_STATUS=6 KIND_STATUS value
         * @property {number} KIND_GAP=7 KIND_GAP value
         */
        v1.Kind = (function() {
            const valuesById = $Object.create(null), values = $Object.create(valuesById);
            values[valuesById[0] = "KIND_UNSPECIFIED"] = 0;
            values[valuesById[1] = "KIND_BIRTH"] = 1;
            values[valuesById[2] = "KIND_STATE"] = 2;
            values[valuesById[3] = "KIND_PLOTS"] = 3;
            values[valuesById[4] = "KIND_TRACKS"] = 4;
            values[valuesById[5] = "KIND_ALERTS"] = 5;
            values[valuesById[6] = "KIND_STATUS"] = 6;
            values[valuesById[7] = "KIND_GAP"] = 7;
            return values;
        })();

        v1.Envelope = (function() {

            /**
             * Properties of an Envelope.
             * @typedef {Object} lookout.v1.Envelope.$Properties
             * @property {string|null} [unit] Envelope unit
             * @property {number|null} [session] Envelope session
             * @property {number|null} [seq] Envelope seq
             * @property {lookout.v1.Kind|null} [kind] Envelope kind
             * @property {number|null} [timeUs] Envelope timeUs
             * @property {lookout.v1.Birth.$Properties|null} [birth] Envelope birth
             * @property {lookout.v1.State.$Properties|null} [state] Envelope state
             * @property {lookout.v1.PlotBatch.$Properties|null} [plots] Envelope plots
             * @property {lookout.v1.TrackBatch.$Properties|null} [tracks] Envelope tracks
             * @property {lookout.v1.Alert.$Properties|null} [alert] Envelope alert
             * @property {lookout.v1.Status.$Properties|null} [status] Envelope status
             * @property {lookout.v1.Gap.$Properties|null} [gap] Envelope gap
             * @property {"birth"|"state"|"plots"|"tracks"|"alert"|"status"|"gap"} [body] Envelope body
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of an Envelope.
             * @memberof lookout.v1
             * @interface IEnvelope
             * @augments lookout.v1.Envelope.$Properties
             * @deprecated Use lookout.v1.Envelope.$Properties instead.
             */

            /**
             * Narrowed shape of an Envelope.
             * @typedef {{
             *   unit?: string|null;
             *   session?: number|null;
             *   seq?: number|null;
             *   kind?: lookout.v1.Kind|null;
             *   timeUs?: number|null;
             *   birth?: lookout.v1.Birth.$Shape|null;
             *   state?: lookout.v1.State.$Shape|null;
             *   plots?: lookout.v1.PlotBatch.$Shape|null;
             *   tracks?: lookout.v1.TrackBatch.$Shape|null;
             *   alert?: lookout.v1.Alert.$Shape|null;
             *   status?: lookout.v1.Status.$Shape|null;
             *   gap?: lookout.v1.Gap.$Shape|null;
             *   $unknowns?: Array.<Uint8Array>;
             * } & (
             *   ({ body?: undefined; birth?: null; state?: null; plots?: null; tracks?: null; alert?: null; status?: null; gap?: null }|{ body?: "birth"; birth: lookout.v1.Birth.$Shape; state?: null; plots?: null; tracks?: null; alert?: null; status?: null; gap?: null }|{ body?: "state"; birth?: null; state: lookout.v1.State.$Shape; plots?: null; tracks?: null; alert?: null; status?: null; gap?: null }|{ body?: "plots"; birth?: null; state?: null; plots: lookout.v1.PlotBatch.$Shape; tracks?: null; alert?: null; status?: null; gap?: null }|{ body?: "tracks"; birth?: null; state?: null; plots?: null; tracks: lookout.v1.TrackBatch.$Shape; alert?: null; status?: null; gap?: null }|{ body?: "alert"; birth?: null; state?: null; plots?: null; tracks?: null; alert: lookout.v1.Alert.$Shape; status?: null; gap?: null }|{ body?: "status"; birth?: null; state?: null; plots?: null; tracks?: null; alert?: null; status: lookout.v1.Status.$Shape; gap?: null }|{ body?: "gap"; birth?: null; state?: null; plots?: null; tracks?: null; alert?: null; status?: null; gap: lookout.v1.Gap.$Shape })
             * )} lookout.v1.Envelope.$Shape
             */

            /**
             * Constructs a new Envelope.
             * @memberof lookout.v1
             * @classdesc Represents an Envelope.
             * @constructor
             * @param {lookout.v1.Envelope.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Envelope = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * Envelope unit.
             * @member {string} unit
             * @memberof lookout.v1.Envelope
             * @instance
             */
            Envelope.prototype.unit = "";

            /**
             * Envelope session.
             * @member {number} session
             * @memberof lookout.v1.Envelope
             * @instance
             */
            Envelope.prototype.session = 0;

            /**
             * Envelope seq.
             * @member {number} seq
             * @memberof lookout.v1.Envelope
             * @instance
             */
            Envelope.prototype.seq = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Envelope kind.
             * @member {lookout.v1.Kind} kind
             * @memberof lookout.v1.Envelope
             * @instance
             */
            Envelope.prototype.kind = 0;

            /**
             * Envelope timeUs.
             * @member {number} timeUs
             * @memberof lookout.v1.Envelope
             * @instance
             */
            Envelope.prototype.timeUs = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Envelope birth.
             * @member {lookout.v1.Birth.$Properties|null|undefined} birth
             * @memberof lookout.v1.Envelope
             * @instance
             */
            Envelope.prototype.birth = null;

            /**
             * Envelope state.
             * @member {lookout.v1.State.$Properties|null|undefined} state
             * @memberof lookout.v1.Envelope
             * @instance
             */
            Envelope.prototype.state = null;

            /**
             * Envelope plots.
             * @member {lookout.v1.PlotBatch.$Properties|null|undefined} plots
             * @memberof lookout.v1.Envelope
             * @instance
             */
            Envelope.prototype.plots = null;

            /**
             * Envelope tracks.
             * @member {lookout.v1.TrackBatch.$Properties|null|undefined} tracks
             * @memberof lookout.v1.Envelope
             * @instance
             */
            Envelope.prototype.tracks = null;

            /**
             * Envelope alert.
             * @member {lookout.v1.Alert.$Properties|null|undefined} alert
             * @memberof lookout.v1.Envelope
             * @instance
             */
            Envelope.prototype.alert = null;

            /**
             * Envelope status.
             * @member {lookout.v1.Status.$Properties|null|undefined} status
             * @memberof lookout.v1.Envelope
             * @instance
             */
            Envelope.prototype.status = null;

            /**
             * Envelope gap.
             * @member {lookout.v1.Gap.$Properties|null|undefined} gap
             * @memberof lookout.v1.Envelope
             * @instance
             */
            Envelope.prototype.gap = null;

            // OneOf field names bound to virtual getters and setters
            let $oneOfFields;

            /**
             * Envelope body.
             * @member {"birth"|"state"|"plots"|"tracks"|"alert"|"status"|"gap"|undefined} body
             * @memberof lookout.v1.Envelope
             * @instance
             */
            $Object.defineProperty(Envelope.prototype, "body", {
                get: $util.oneOfGetter($oneOfFields = ["birth", "state", "plots", "tracks", "alert", "status", "gap"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            /**
             * Creates a new Envelope instance using the specified properties.
             * @function create
             * @memberof lookout.v1.Envelope
             * @static
             * @param {lookout.v1.Envelope.$Properties=} [properties] Properties to set
             * @returns {lookout.v1.Envelope} Envelope instance
             * @type {{
             *   (properties: lookout.v1.Envelope.$Shape): lookout.v1.Envelope & lookout.v1.Envelope.$Shape;
             *   (properties?: lookout.v1.Envelope.$Properties): lookout.v1.Envelope;
             * }}
             */
            Envelope.create = function(properties) {
                return new Envelope(properties);
            };

            /**
             * Encodes the specified Envelope message. Does not implicitly {@link lookout.v1.Envelope.verify|verify} messages.
             * @function encode
             * @memberof lookout.v1.Envelope
             * @static
             * @param {lookout.v1.Envelope.$Properties} message Envelope message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Envelope.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.unit != null && $Object.hasOwnProperty.call(message, "unit") && message.unit !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.unit);
                if (message.session != null && $Object.hasOwnProperty.call(message, "session") && message.session !== 0)
                    writer.uint32(/* id 2, wireType 0 =*/16).uint32(message.session);
                if (message.seq != null && $Object.hasOwnProperty.call(message, "seq") && (typeof message.seq === "object" ? message.seq.low || message.seq.high : message.seq !== 0))
                    writer.uint32(/* id 3, wireType 0 =*/24).uint64(message.seq);
                if (message.kind != null && $Object.hasOwnProperty.call(message, "kind") && message.kind !== 0)
                    writer.uint32(/* id 4, wireType 0 =*/32).int32(message.kind);
                if (message.timeUs != null && $Object.hasOwnProperty.call(message, "timeUs") && (typeof message.timeUs === "object" ? message.timeUs.low || message.timeUs.high : message.timeUs !== 0))
                    writer.uint32(/* id 5, wireType 0 =*/40).uint64(message.timeUs);
                if (message.birth != null && $Object.hasOwnProperty.call(message, "birth"))
                    $root.lookout.v1.Birth.encode(message.birth, writer.uint32(/* id 8, wireType 2 =*/66).fork(), _depth + 1).ldelim();
                if (message.state != null && $Object.hasOwnProperty.call(message, "state"))
                    $root.lookout.v1.State.encode(message.state, writer.uint32(/* id 9, wireType 2 =*/74).fork(), _depth + 1).ldelim();
                if (message.plots != null && $Object.hasOwnProperty.call(message, "plots"))
                    $root.lookout.v1.PlotBatch.encode(message.plots, writer.uint32(/* id 10, wireType 2 =*/82).fork(), _depth + 1).ldelim();
                if (message.tracks != null && $Object.hasOwnProperty.call(message, "tracks"))
                    $root.lookout.v1.TrackBatch.encode(message.tracks, writer.uint32(/* id 11, wireType 2 =*/90).fork(), _depth + 1).ldelim();
                if (message.alert != null && $Object.hasOwnProperty.call(message, "alert"))
                    $root.lookout.v1.Alert.encode(message.alert, writer.uint32(/* id 12, wireType 2 =*/98).fork(), _depth + 1).ldelim();
                if (message.status != null && $Object.hasOwnProperty.call(message, "status"))
                    $root.lookout.v1.Status.encode(message.status, writer.uint32(/* id 13, wireType 2 =*/106).fork(), _depth + 1).ldelim();
                if (message.gap != null && $Object.hasOwnProperty.call(message, "gap"))
                    $root.lookout.v1.Gap.encode(message.gap, writer.uint32(/* id 14, wireType 2 =*/114).fork(), _depth + 1).ldelim();
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Encodes the specified Envelope message, length delimited. Does not implicitly {@link lookout.v1.Envelope.verify|verify} messages.
             * @function encodeDelimited
             * @memberof lookout.v1.Envelope
             * @static
             * @param {lookout.v1.Envelope.$Properties} message Envelope message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Envelope.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes an Envelope message from the specified reader or buffer.
             * @function decode
             * @memberof lookout.v1.Envelope
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {lookout.v1.Envelope & lookout.v1.Envelope.$Shape} Envelope
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Envelope.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.lookout.v1.Envelope();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.unit = value;
                            else
                                delete message.unit;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.session = value;
                            else
                                delete message.session;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.seq = value;
                            else
                                delete message.seq;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.kind = value;
                            else
                                delete message.kind;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.timeUs = value;
                            else
                                delete message.timeUs;
                            continue;
                        }
                    case 8: {
                            if (wireType !== 2)
                                break;
                            message.birth = $root.lookout.v1.Birth.decode(reader, reader.size(), $undefined, _depth + 1, message.birth);
                            message.body = "birth";
                            continue;
                        }
                    case 9: {
                            if (wireType !== 2)
                                break;
                            message.state = $root.lookout.v1.State.decode(reader, reader.size(), $undefined, _depth + 1, message.state);
                            message.body = "state";
                            continue;
                        }
                    case 10: {
                            if (wireType !== 2)
                                break;
                            message.plots = $root.lookout.v1.PlotBatch.decode(reader, reader.size(), $undefined, _depth + 1, message.plots);
                            message.body = "plots";
                            continue;
                        }
                    case 11: {
                            if (wireType !== 2)
                                break;
                            message.tracks = $root.lookout.v1.TrackBatch.decode(reader, reader.size(), $undefined, _depth + 1, message.tracks);
                            message.body = "tracks";
                            continue;
                        }
                    case 12: {
                            if (wireType !== 2)
                                break;
                            message.alert = $root.lookout.v1.Alert.decode(reader, reader.size(), $undefined, _depth + 1, message.alert);
                            message.body = "alert";
                            continue;
                        }
                    case 13: {
                            if (wireType !== 2)
                                break;
                            message.status = $root.lookout.v1.Status.decode(reader, reader.size(), $undefined, _depth + 1, message.status);
                            message.body = "status";
                            continue;
                        }
                    case 14: {
                            if (wireType !== 2)
                                break;
                            message.gap = $root.lookout.v1.Gap.decode(reader, reader.size(), $undefined, _depth + 1, message.gap);
                            message.body = "gap";
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Decodes an Envelope message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof lookout.v1.Envelope
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {lookout.v1.Envelope & lookout.v1.Envelope.$Shape} Envelope
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Envelope.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies an Envelope message.
             * @function verify
             * @memberof lookout.v1.Envelope
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            Envelope.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                let properties = {};
                if (message.unit != null && $Object.hasOwnProperty.call(message, "unit"))
                    if (!$util.isString(message.unit))
                        return "unit: string expected";
                if (message.session != null && $Object.hasOwnProperty.call(message, "session"))
                    if (!$util.isInteger(message.session))
                        return "session: integer expected";
                if (message.seq != null && $Object.hasOwnProperty.call(message, "seq"))
                    if (!$util.isInteger(message.seq) && !(message.seq && $util.isInteger(message.seq.low) && $util.isInteger(message.seq.high)))
                        return "seq: integer|Long expected";
                if (message.kind != null && $Object.hasOwnProperty.call(message, "kind"))
                    if (typeof message.kind !== "number" || (message.kind | 0) !== message.kind)
                        return "kind: enum value expected";
                if (message.timeUs != null && $Object.hasOwnProperty.call(message, "timeUs"))
                    if (!$util.isInteger(message.timeUs) && !(message.timeUs && $util.isInteger(message.timeUs.low) && $util.isInteger(message.timeUs.high)))
                        return "timeUs: integer|Long expected";
                if (message.birth != null && $Object.hasOwnProperty.call(message, "birth")) {
                    properties.body = 1;
                    {
                        let error = $root.lookout.v1.Birth.verify(message.birth, _depth + 1);
                        if (error)
                            return "birth." + error;
                    }
                }
                if (message.state != null && $Object.hasOwnProperty.call(message, "state")) {
                    if (properties.body === 1)
                        return "body: multiple values";
                    properties.body = 1;
                    {
                        let error = $root.lookout.v1.State.verify(message.state, _depth + 1);
                        if (error)
                            return "state." + error;
                    }
                }
                if (message.plots != null && $Object.hasOwnProperty.call(message, "plots")) {
                    if (properties.body === 1)
                        return "body: multiple values";
                    properties.body = 1;
                    {
                        let error = $root.lookout.v1.PlotBatch.verify(message.plots, _depth + 1);
                        if (error)
                            return "plots." + error;
                    }
                }
                if (message.tracks != null && $Object.hasOwnProperty.call(message, "tracks")) {
                    if (properties.body === 1)
                        return "body: multiple values";
                    properties.body = 1;
                    {
                        let error = $root.lookout.v1.TrackBatch.verify(message.tracks, _depth + 1);
                        if (error)
                            return "tracks." + error;
                    }
                }
                if (message.alert != null && $Object.hasOwnProperty.call(message, "alert")) {
                    if (properties.body === 1)
                        return "body: multiple values";
                    properties.body = 1;
                    {
                        let error = $root.lookout.v1.Alert.verify(message.alert, _depth + 1);
                        if (error)
                            return "alert." + error;
                    }
                }
                if (message.status != null && $Object.hasOwnProperty.call(message, "status")) {
                    if (properties.body === 1)
                        return "body: multiple values";
                    properties.body = 1;
                    {
                        let error = $root.lookout.v1.Status.verify(message.status, _depth + 1);
                        if (error)
                            return "status." + error;
                    }
                }
                if (message.gap != null && $Object.hasOwnProperty.call(message, "gap")) {
                    if (properties.body === 1)
                        return "body: multiple values";
                    properties.body = 1;
                    {
                        let error = $root.lookout.v1.Gap.verify(message.gap, _depth + 1);
                        if (error)
                            return "gap." + error;
                    }
                }
                return null;
            };

            /**
             * Creates an Envelope message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof lookout.v1.Envelope
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {lookout.v1.Envelope} Envelope
             */
            Envelope.fromObject = function (object, _depth) {
                if (object instanceof $root.lookout.v1.Envelope)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".lookout.v1.Envelope: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.lookout.v1.Envelope();
                if (object.unit != null)
                    if (typeof object.unit !== "string" || object.unit.length)
                        message.unit = $String(object.unit);
                if (object.session != null)
                    if ($Number(object.session) !== 0)
                        message.session = object.session >>> 0;
                if (object.seq != null)
                    if (typeof object.seq === "object" ? object.seq.low || object.seq.high : $Number(object.seq) !== 0)
                        if ($util.Long)
                            message.seq = $util.Long.fromValue(object.seq, true);
                        else if (typeof object.seq === "string")
                            message.seq = $parseInt(object.seq, 10);
                        else if (typeof object.seq === "number")
                            message.seq = object.seq;
                        else if (typeof object.seq === "object")
                            message.seq = new $util.LongBits(object.seq.low >>> 0, object.seq.high >>> 0).toNumber(true);
                if (object.kind !== 0 && (typeof object.kind !== "string" || $root.lookout.v1.Kind[object.kind] !== 0))
                    switch (object.kind) {
                    case "KIND_UNSPECIFIED":
                    case 0:
                        message.kind = 0;
                        break;
                    case "KIND_BIRTH":
                    case 1:
                        message.kind = 1;
                        break;
                    case "KIND_STATE":
                    case 2:
                        message.kind = 2;
                        break;
                    case "KIND_PLOTS":
                    case 3:
                        message.kind = 3;
                        break;
                    case "KIND_TRACKS":
                    case 4:
                        message.kind = 4;
                        break;
                    case "KIND_ALERTS":
                    case 5:
                        message.kind = 5;
                        break;
                    case "KIND_STATUS":
                    case 6:
                        message.kind = 6;
                        break;
                    case "KIND_GAP":
                    case 7:
                        message.kind = 7;
                        break;
                    default:
                        if (typeof object.kind === "number" && (object.kind | 0) === object.kind)
                            message.kind = object.kind;
                    }
                if (object.timeUs != null)
                    if (typeof object.timeUs === "object" ? object.timeUs.low || object.timeUs.high : $Number(object.timeUs) !== 0)
                        if ($util.Long)
                            message.timeUs = $util.Long.fromValue(object.timeUs, true);
                        else if (typeof object.timeUs === "string")
                            message.timeUs = $parseInt(object.timeUs, 10);
                        else if (typeof object.timeUs === "number")
                            message.timeUs = object.timeUs;
                        else if (typeof object.timeUs === "object")
                            message.timeUs = new $util.LongBits(object.timeUs.low >>> 0, object.timeUs.high >>> 0).toNumber(true);
                if (object.birth != null) {
                    if (!$util.isObject(object.birth))
                        throw $TypeError(".lookout.v1.Envelope.birth: object expected");
                    message.birth = $root.lookout.v1.Birth.fromObject(object.birth, _depth + 1);
                }
                if (object.state != null) {
                    if (!$util.isObject(object.state))
                        throw $TypeError(".lookout.v1.Envelope.state: object expected");
                    message.state = $root.lookout.v1.State.fromObject(object.state, _depth + 1);
                }
                if (object.plots != null) {
                    if (!$util.isObject(object.plots))
                        throw $TypeError(".lookout.v1.Envelope.plots: object expected");
                    message.plots = $root.lookout.v1.PlotBatch.fromObject(object.plots, _depth + 1);
                }
                if (object.tracks != null) {
                    if (!$util.isObject(object.tracks))
                        throw $TypeError(".lookout.v1.Envelope.tracks: object expected");
                    message.tracks = $root.lookout.v1.TrackBatch.fromObject(object.tracks, _depth + 1);
                }
                if (object.alert != null) {
                    if (!$util.isObject(object.alert))
                        throw $TypeError(".lookout.v1.Envelope.alert: object expected");
                    message.alert = $root.lookout.v1.Alert.fromObject(object.alert, _depth + 1);
                }
                if (object.status != null) {
                    if (!$util.isObject(object.status))
                        throw $TypeError(".lookout.v1.Envelope.status: object expected");
                    message.status = $root.lookout.v1.Status.fromObject(object.status, _depth + 1);
                }
                if (object.gap != null) {
                    if (!$util.isObject(object.gap))
                        throw $TypeError(".lookout.v1.Envelope.gap: object expected");
                    message.gap = $root.lookout.v1.Gap.fromObject(object.gap, _depth + 1);
                }
                return message;
            };

            /**
             * Creates a plain object from an Envelope message. Also converts values to other types if specified.
             * @function toObject
             * @memberof lookout.v1.Envelope
             * @static
             * @param {lookout.v1.Envelope} message Envelope
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            Envelope.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.unit = "";
                    object.session = 0;
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.seq = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.seq = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    object.kind = options.enums === $String ? "KIND_UNSPECIFIED" : 0;
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.timeUs = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.timeUs = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                }
                if (message.unit != null && $Object.hasOwnProperty.call(message, "unit"))
                    object.unit = message.unit;
                if (message.session != null && $Object.hasOwnProperty.call(message, "session"))
                    object.session = message.session;
                if (message.seq != null && $Object.hasOwnProperty.call(message, "seq"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.seq = typeof message.seq === "number" ? $BigInt(message.seq) : $util.Long.fromBits(message.seq.low >>> 0, message.seq.high >>> 0, true).toBigInt();
                    else if (typeof message.seq === "number")
                        object.seq = options.longs === $String ? $String(message.seq) : message.seq;
                    else
                        object.seq = options.longs === $String ? $util.Long.prototype.toString.call(message.seq) : options.longs === $Number ? new $util.LongBits(message.seq.low >>> 0, message.seq.high >>> 0).toNumber(true) : message.seq;
                if (message.kind != null && $Object.hasOwnProperty.call(message, "kind"))
                    object.kind = options.enums === $String ? $root.lookout.v1.Kind[message.kind] === $undefined ? message.kind : $root.lookout.v1.Kind[message.kind] : message.kind;
                if (message.timeUs != null && $Object.hasOwnProperty.call(message, "timeUs"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.timeUs = typeof message.timeUs === "number" ? $BigInt(message.timeUs) : $util.Long.fromBits(message.timeUs.low >>> 0, message.timeUs.high >>> 0, true).toBigInt();
                    else if (typeof message.timeUs === "number")
                        object.timeUs = options.longs === $String ? $String(message.timeUs) : message.timeUs;
                    else
                        object.timeUs = options.longs === $String ? $util.Long.prototype.toString.call(message.timeUs) : options.longs === $Number ? new $util.LongBits(message.timeUs.low >>> 0, message.timeUs.high >>> 0).toNumber(true) : message.timeUs;
                if (message.birth != null && $Object.hasOwnProperty.call(message, "birth")) {
                    object.birth = $root.lookout.v1.Birth.toObject(message.birth, options, _depth + 1);
                    if (options.oneofs)
                        object.body = "birth";
                }
                if (message.state != null && $Object.hasOwnProperty.call(message, "state")) {
                    object.state = $root.lookout.v1.State.toObject(message.state, options, _depth + 1);
                    if (options.oneofs)
                        object.body = "state";
                }
                if (message.plots != null && $Object.hasOwnProperty.call(message, "plots")) {
                    object.plots = $root.lookout.v1.PlotBatch.toObject(message.plots, options, _depth + 1);
                    if (options.oneofs)
                        object.body = "plots";
                }
                if (message.tracks != null && $Object.hasOwnProperty.call(message, "tracks")) {
                    object.tracks = $root.lookout.v1.TrackBatch.toObject(message.tracks, options, _depth + 1);
                    if (options.oneofs)
                        object.body = "tracks";
                }
                if (message.alert != null && $Object.hasOwnProperty.call(message, "alert")) {
                    object.alert = $root.lookout.v1.Alert.toObject(message.alert, options, _depth + 1);
                    if (options.oneofs)
                        object.body = "alert";
                }
                if (message.status != null && $Object.hasOwnProperty.call(message, "status")) {
                    object.status = $root.lookout.v1.Status.toObject(message.status, options, _depth + 1);
                    if (options.oneofs)
                        object.body = "status";
                }
                if (message.gap != null && $Object.hasOwnProperty.call(message, "gap")) {
                    object.gap = $root.lookout.v1.Gap.toObject(message.gap, options, _depth + 1);
                    if (options.oneofs)
                        object.body = "gap";
                }
                return object;
            };

            /**
             * Converts this Envelope to JSON.
             * @function toJSON
             * @memberof lookout.v1.Envelope
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            Envelope.prototype.toJSON = function() {
                return Envelope.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for Envelope
             * @function getTypeUrl
             * @memberof lookout.v1.Envelope
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            Envelope.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/lookout.v1.Envelope";
            };

            return Envelope;
        })();

        v1.Birth = (function() {

            /**
             * Properties of a Birth.
             * @typedef {Object} lookout.v1.Birth.$Properties
             * @property {string|null} [version] Birth version
             * @property {Array.<lookout.v1.Sensor.$Properties>|null} [sensors] Birth sensors
             * @property {string|null} [configHash] Birth configHash
             * @property {number|null} [session] Birth session
             * @property {Array.<string>|null} [capabilities] Birth capabilities
             * @property {number|null} [startedUs] Birth startedUs
             * @property {number|null} [nextSeq] Birth nextSeq
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Birth.
             * @memberof lookout.v1
             * @interface IBirth
             * @augments lookout.v1.Birth.$Properties
             * @deprecated Use lookout.v1.Birth.$Properties instead.
             */

            /**
             * Shape of a Birth.
             * @typedef {lookout.v1.Birth.$Properties} lookout.v1.Birth.$Shape
             */

            /**
             * Constructs a new Birth.
             * @memberof lookout.v1
             * @classdesc Represents a Birth.
             * @constructor
             * @param {lookout.v1.Birth.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Birth = function (properties) {
                this.sensors = [];
                this.capabilities = [];
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * Birth version.
             * @member {string} version
             * @memberof lookout.v1.Birth
             * @instance
             */
            Birth.prototype.version = "";

            /**
             * Birth sensors.
             * @member {Array.<lookout.v1.Sensor.$Properties>} sensors
             * @memberof lookout.v1.Birth
             * @instance
             */
            Birth.prototype.sensors = $util.emptyArray;

            /**
             * Birth configHash.
             * @member {string} configHash
             * @memberof lookout.v1.Birth
             * @instance
             */
            Birth.prototype.configHash = "";

            /**
             * Birth session.
             * @member {number} session
             * @memberof lookout.v1.Birth
             * @instance
             */
            Birth.prototype.session = 0;

            /**
             * Birth capabilities.
             * @member {Array.<string>} capabilities
             * @memberof lookout.v1.Birth
             * @instance
             */
            Birth.prototype.capabilities = $util.emptyArray;

            /**
             * Birth startedUs.
             * @member {number} startedUs
             * @memberof lookout.v1.Birth
             * @instance
             */
            Birth.prototype.startedUs = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Birth nextSeq.
             * @member {number} nextSeq
             * @memberof lookout.v1.Birth
             * @instance
             */
            Birth.prototype.nextSeq = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Creates a new Birth instance using the specified properties.
             * @function create
             * @memberof lookout.v1.Birth
             * @static
             * @param {lookout.v1.Birth.$Properties=} [properties] Properties to set
             * @returns {lookout.v1.Birth} Birth instance
             * @type {{
             *   (properties: lookout.v1.Birth.$Shape): lookout.v1.Birth & lookout.v1.Birth.$Shape;
             *   (properties?: lookout.v1.Birth.$Properties): lookout.v1.Birth;
             * }}
             */
            Birth.create = function(properties) {
                return new Birth(properties);
            };

            /**
             * Encodes the specified Birth message. Does not implicitly {@link lookout.v1.Birth.verify|verify} messages.
             * @function encode
             * @memberof lookout.v1.Birth
             * @static
             * @param {lookout.v1.Birth.$Properties} message Birth message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Birth.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.version != null && $Object.hasOwnProperty.call(message, "version") && message.version !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.version);
                if (message.sensors != null && message.sensors.length)
                    for (let i = 0; i < message.sensors.length; ++i)
                        $root.lookout.v1.Sensor.encode(message.sensors[i], writer.uint32(/* id 2, wireType 2 =*/18).fork(), _depth + 1).ldelim();
                if (message.configHash != null && $Object.hasOwnProperty.call(message, "configHash") && message.configHash !== "")
                    writer.uint32(/* id 3, wireType 2 =*/26).string(message.configHash);
                if (message.session != null && $Object.hasOwnProperty.call(message, "session") && message.session !== 0)
                    writer.uint32(/* id 4, wireType 0 =*/32).uint32(message.session);
                if (message.capabilities != null && message.capabilities.length)
                    for (let i = 0; i < message.capabilities.length; ++i)
                        writer.uint32(/* id 5, wireType 2 =*/42).string(message.capabilities[i]);
                if (message.startedUs != null && $Object.hasOwnProperty.call(message, "startedUs") && (typeof message.startedUs === "object" ? message.startedUs.low || message.startedUs.high : message.startedUs !== 0))
                    writer.uint32(/* id 6, wireType 0 =*/48).uint64(message.startedUs);
                if (message.nextSeq != null && $Object.hasOwnProperty.call(message, "nextSeq") && (typeof message.nextSeq === "object" ? message.nextSeq.low || message.nextSeq.high : message.nextSeq !== 0))
                    writer.uint32(/* id 7, wireType 0 =*/56).uint64(message.nextSeq);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Encodes the specified Birth message, length delimited. Does not implicitly {@link lookout.v1.Birth.verify|verify} messages.
             * @function encodeDelimited
             * @memberof lookout.v1.Birth
             * @static
             * @param {lookout.v1.Birth.$Properties} message Birth message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Birth.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a Birth message from the specified reader or buffer.
             * @function decode
             * @memberof lookout.v1.Birth
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {lookout.v1.Birth & lookout.v1.Birth.$Shape} Birth
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Birth.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.lookout.v1.Birth();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.version = value;
                            else
                                delete message.version;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if (!(message.sensors && message.sensors.length))
                                message.sensors = [];
                            message.sensors.push($root.lookout.v1.Sensor.decode(reader, reader.size(), $undefined, _depth + 1));
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.configHash = value;
                            else
                                delete message.configHash;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.session = value;
                            else
                                delete message.session;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 2)
                                break;
                            if (!(message.capabilities && message.capabilities.length))
                                message.capabilities = [];
                            message.capabilities.push(reader.stringVerify());
                            continue;
                        }
                    case 6: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.startedUs = value;
                            else
                                delete message.startedUs;
                            continue;
                        }
                    case 7: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.nextSeq = value;
                            else
                                delete message.nextSeq;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Decodes a Birth message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof lookout.v1.Birth
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {lookout.v1.Birth & lookout.v1.Birth.$Shape} Birth
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Birth.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a Birth message.
             * @function verify
             * @memberof lookout.v1.Birth
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            Birth.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.version != null && $Object.hasOwnProperty.call(message, "version"))
                    if (!$util.isString(message.version))
                        return "version: string expected";
                if (message.sensors != null && $Object.hasOwnProperty.call(message, "sensors")) {
                    if (!$Array.isArray(message.sensors))
                        return "sensors: array expected";
                    for (let i = 0; i < message.sensors.length; ++i) {
                        let error = $root.lookout.v1.Sensor.verify(message.sensors[i], _depth + 1);
                        if (error)
                            return "sensors." + error;
                    }
                }
                if (message.configHash != null && $Object.hasOwnProperty.call(message, "configHash"))
                    if (!$util.isString(message.configHash))
                        return "configHash: string expected";
                if (message.session != null && $Object.hasOwnProperty.call(message, "session"))
                    if (!$util.isInteger(message.session))
                        return "session: integer expected";
                if (message.capabilities != null && $Object.hasOwnProperty.call(message, "capabilities")) {
                    if (!$Array.isArray(message.capabilities))
                        return "capabilities: array expected";
                    for (let i = 0; i < message.capabilities.length; ++i)
                        if (!$util.isString(message.capabilities[i]))
                            return "capabilities: string[] expected";
                }
                if (message.startedUs != null && $Object.hasOwnProperty.call(message, "startedUs"))
                    if (!$util.isInteger(message.startedUs) && !(message.startedUs && $util.isInteger(message.startedUs.low) && $util.isInteger(message.startedUs.high)))
                        return "startedUs: integer|Long expected";
                if (message.nextSeq != null && $Object.hasOwnProperty.call(message, "nextSeq"))
                    if (!$util.isInteger(message.nextSeq) && !(message.nextSeq && $util.isInteger(message.nextSeq.low) && $util.isInteger(message.nextSeq.high)))
                        return "nextSeq: integer|Long expected";
                return null;
            };

            /**
             * Creates a Birth message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof lookout.v1.Birth
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {lookout.v1.Birth} Birth
             */
            Birth.fromObject = function (object, _depth) {
                if (object instanceof $root.lookout.v1.Birth)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".lookout.v1.Birth: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.lookout.v1.Birth();
                if (object.version != null)
                    if (typeof object.version !== "string" || object.version.length)
                        message.version = $String(object.version);
                if (object.sensors) {
                    if (!$Array.isArray(object.sensors))
                        throw $TypeError(".lookout.v1.Birth.sensors: array expected");
                    message.sensors = $Array(object.sensors.length);
                    for (let i = 0; i < object.sensors.length; ++i) {
                        if (!$util.isObject(object.sensors[i]))
                            throw $TypeError(".lookout.v1.Birth.sensors: object expected");
                        message.sensors[i] = $root.lookout.v1.Sensor.fromObject(object.sensors[i], _depth + 1);
                    }
                }
                if (object.configHash != null)
                    if (typeof object.configHash !== "string" || object.configHash.length)
                        message.configHash = $String(object.configHash);
                if (object.session != null)
                    if ($Number(object.session) !== 0)
                        message.session = object.session >>> 0;
                if (object.capabilities) {
                    if (!$Array.isArray(object.capabilities))
                        throw $TypeError(".lookout.v1.Birth.capabilities: array expected");
                    message.capabilities = $Array(object.capabilities.length);
                    for (let i = 0; i < object.capabilities.length; ++i)
                        message.capabilities[i] = $String(object.capabilities[i]);
                }
                if (object.startedUs != null)
                    if (typeof object.startedUs === "object" ? object.startedUs.low || object.startedUs.high : $Number(object.startedUs) !== 0)
                        if ($util.Long)
                            message.startedUs = $util.Long.fromValue(object.startedUs, true);
                        else if (typeof object.startedUs === "string")
                            message.startedUs = $parseInt(object.startedUs, 10);
                        else if (typeof object.startedUs === "number")
                            message.startedUs = object.startedUs;
                        else if (typeof object.startedUs === "object")
                            message.startedUs = new $util.LongBits(object.startedUs.low >>> 0, object.startedUs.high >>> 0).toNumber(true);
                if (object.nextSeq != null)
                    if (typeof object.nextSeq === "object" ? object.nextSeq.low || object.nextSeq.high : $Number(object.nextSeq) !== 0)
                        if ($util.Long)
                            message.nextSeq = $util.Long.fromValue(object.nextSeq, true);
                        else if (typeof object.nextSeq === "string")
                            message.nextSeq = $parseInt(object.nextSeq, 10);
                        else if (typeof object.nextSeq === "number")
                            message.nextSeq = object.nextSeq;
                        else if (typeof object.nextSeq === "object")
                            message.nextSeq = new $util.LongBits(object.nextSeq.low >>> 0, object.nextSeq.high >>> 0).toNumber(true);
                return message;
            };

            /**
             * Creates a plain object from a Birth message. Also converts values to other types if specified.
             * @function toObject
             * @memberof lookout.v1.Birth
             * @static
             * @param {lookout.v1.Birth} message Birth
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            Birth.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.arrays || options.defaults) {
                    object.sensors = [];
                    object.capabilities = [];
                }
                if (options.defaults) {
                    object.version = "";
                    object.configHash = "";
                    object.session = 0;
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.startedUs = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.startedUs = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.nextSeq = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.nextSeq = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                }
                if (message.version != null && $Object.hasOwnProperty.call(message, "version"))
                    object.version = message.version;
                if (message.sensors && message.sensors.length) {
                    object.sensors = $Array(message.sensors.length);
                    for (let j = 0; j < message.sensors.length; ++j)
                        object.sensors[j] = $root.lookout.v1.Sensor.toObject(message.sensors[j], options, _depth + 1);
                }
                if (message.configHash != null && $Object.hasOwnProperty.call(message, "configHash"))
                    object.configHash = message.configHash;
                if (message.session != null && $Object.hasOwnProperty.call(message, "session"))
                    object.session = message.session;
                if (message.capabilities && message.capabilities.length) {
                    object.capabilities = $Array(message.capabilities.length);
                    for (let j = 0; j < message.capabilities.length; ++j)
                        object.capabilities[j] = message.capabilities[j];
                }
                if (message.startedUs != null && $Object.hasOwnProperty.call(message, "startedUs"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.startedUs = typeof message.startedUs === "number" ? $BigInt(message.startedUs) : $util.Long.fromBits(message.startedUs.low >>> 0, message.startedUs.high >>> 0, true).toBigInt();
                    else if (typeof message.startedUs === "number")
                        object.startedUs = options.longs === $String ? $String(message.startedUs) : message.startedUs;
                    else
                        object.startedUs = options.longs === $String ? $util.Long.prototype.toString.call(message.startedUs) : options.longs === $Number ? new $util.LongBits(message.startedUs.low >>> 0, message.startedUs.high >>> 0).toNumber(true) : message.startedUs;
                if (message.nextSeq != null && $Object.hasOwnProperty.call(message, "nextSeq"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.nextSeq = typeof message.nextSeq === "number" ? $BigInt(message.nextSeq) : $util.Long.fromBits(message.nextSeq.low >>> 0, message.nextSeq.high >>> 0, true).toBigInt();
                    else if (typeof message.nextSeq === "number")
                        object.nextSeq = options.longs === $String ? $String(message.nextSeq) : message.nextSeq;
                    else
                        object.nextSeq = options.longs === $String ? $util.Long.prototype.toString.call(message.nextSeq) : options.longs === $Number ? new $util.LongBits(message.nextSeq.low >>> 0, message.nextSeq.high >>> 0).toNumber(true) : message.nextSeq;
                return object;
            };

            /**
             * Converts this Birth to JSON.
             * @function toJSON
             * @memberof lookout.v1.Birth
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            Birth.prototype.toJSON = function() {
                return Birth.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for Birth
             * @function getTypeUrl
             * @memberof lookout.v1.Birth
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            Birth.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/lookout.v1.Birth";
            };

            return Birth;
        })();

        v1.Sensor = (function() {

            /**
             * Properties of a Sensor.
             * @typedef {Object} lookout.v1.Sensor.$Properties
             * @property {string|null} [id] Sensor id
             * @property {string|null} [protocol] Sensor protocol
             * @property {string|null} [type] Sensor type
             * @property {number|null} [latE7] Sensor latE7
             * @property {number|null} [lonE7] Sensor lonE7
             * @property {number|null} [heightDm] Sensor heightDm
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Sensor.
             * @memberof lookout.v1
             * @interface ISensor
             * @augments lookout.v1.Sensor.$Properties
             * @deprecated Use lookout.v1.Sensor.$Properties instead.
             */

            /**
             * Shape of a Sensor.
             * @typedef {lookout.v1.Sensor.$Properties} lookout.v1.Sensor.$Shape
             */

            /**
             * Constructs a new Sensor.
             * @memberof lookout.v1
             * @classdesc Represents a Sensor.
             * @constructor
             * @param {lookout.v1.Sensor.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Sensor = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * Sensor id.
             * @member {string} id
             * @memberof lookout.v1.Sensor
             * @instance
             */
            Sensor.prototype.id = "";

            /**
             * Sensor protocol.
             * @member {string} protocol
             * @memberof lookout.v1.Sensor
             * @instance
             */
            Sensor.prototype.protocol = "";

            /**
             * Sensor type.
             * @member {string} type
             * @memberof lookout.v1.Sensor
             * @instance
             */
            Sensor.prototype.type = "";

            /**
             * Sensor latE7.
             * @member {number} latE7
             * @memberof lookout.v1.Sensor
             * @instance
             */
            Sensor.prototype.latE7 = 0;

            /**
             * Sensor lonE7.
             * @member {number} lonE7
             * @memberof lookout.v1.Sensor
             * @instance
             */
            Sensor.prototype.lonE7 = 0;

            /**
             * Sensor heightDm.
             * @member {number} heightDm
             * @memberof lookout.v1.Sensor
             * @instance
             */
            Sensor.prototype.heightDm = 0;

            /**
             * Creates a new Sensor instance using the specified properties.
             * @function create
             * @memberof lookout.v1.Sensor
             * @static
             * @param {lookout.v1.Sensor.$Properties=} [properties] Properties to set
             * @returns {lookout.v1.Sensor} Sensor instance
             * @type {{
             *   (properties: lookout.v1.Sensor.$Shape): lookout.v1.Sensor & lookout.v1.Sensor.$Shape;
             *   (properties?: lookout.v1.Sensor.$Properties): lookout.v1.Sensor;
             * }}
             */
            Sensor.create = function(properties) {
                return new Sensor(properties);
            };

            /**
             * Encodes the specified Sensor message. Does not implicitly {@link lookout.v1.Sensor.verify|verify} messages.
             * @function encode
             * @memberof lookout.v1.Sensor
             * @static
             * @param {lookout.v1.Sensor.$Properties} message Sensor message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Sensor.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.id != null && $Object.hasOwnProperty.call(message, "id") && message.id !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.id);
                if (message.protocol != null && $Object.hasOwnProperty.call(message, "protocol") && message.protocol !== "")
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.protocol);
                if (message.type != null && $Object.hasOwnProperty.call(message, "type") && message.type !== "")
                    writer.uint32(/* id 3, wireType 2 =*/26).string(message.type);
                if (message.latE7 != null && $Object.hasOwnProperty.call(message, "latE7") && message.latE7 !== 0)
                    writer.uint32(/* id 4, wireType 0 =*/32).sint32(message.latE7);
                if (message.lonE7 != null && $Object.hasOwnProperty.call(message, "lonE7") && message.lonE7 !== 0)
                    writer.uint32(/* id 5, wireType 0 =*/40).sint32(message.lonE7);
                if (message.heightDm != null && $Object.hasOwnProperty.call(message, "heightDm") && message.heightDm !== 0)
                    writer.uint32(/* id 6, wireType 0 =*/48).sint32(message.heightDm);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Encodes the specified Sensor message, length delimited. Does not implicitly {@link lookout.v1.Sensor.verify|verify} messages.
             * @function encodeDelimited
             * @memberof lookout.v1.Sensor
             * @static
             * @param {lookout.v1.Sensor.$Properties} message Sensor message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Sensor.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a Sensor message from the specified reader or buffer.
             * @function decode
             * @memberof lookout.v1.Sensor
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {lookout.v1.Sensor & lookout.v1.Sensor.$Shape} Sensor
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Sensor.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.lookout.v1.Sensor();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.id = value;
                            else
                                delete message.id;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.protocol = value;
                            else
                                delete message.protocol;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.type = value;
                            else
                                delete message.type;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.sint32())
                                message.latE7 = value;
                            else
                                delete message.latE7;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.sint32())
                                message.lonE7 = value;
                            else
                                delete message.lonE7;
                            continue;
                        }
                    case 6: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.sint32())
                                message.heightDm = value;
                            else
                                delete message.heightDm;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Decodes a Sensor message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof lookout.v1.Sensor
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {lookout.v1.Sensor & lookout.v1.Sensor.$Shape} Sensor
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Sensor.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a Sensor message.
             * @function verify
             * @memberof lookout.v1.Sensor
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            Sensor.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.id != null && $Object.hasOwnProperty.call(message, "id"))
                    if (!$util.isString(message.id))
                        return "id: string expected";
                if (message.protocol != null && $Object.hasOwnProperty.call(message, "protocol"))
                    if (!$util.isString(message.protocol))
                        return "protocol: string expected";
                if (message.type != null && $Object.hasOwnProperty.call(message, "type"))
                    if (!$util.isString(message.type))
                        return "type: string expected";
                if (message.latE7 != null && $Object.hasOwnProperty.call(message, "latE7"))
                    if (!$util.isInteger(message.latE7))
                        return "latE7: integer expected";
                if (message.lonE7 != null && $Object.hasOwnProperty.call(message, "lonE7"))
                    if (!$util.isInteger(message.lonE7))
                        return "lonE7: integer expected";
                if (message.heightDm != null && $Object.hasOwnProperty.call(message, "heightDm"))
                    if (!$util.isInteger(message.heightDm))
                        return "heightDm: integer expected";
                return null;
            };

            /**
             * Creates a Sensor message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof lookout.v1.Sensor
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {lookout.v1.Sensor} Sensor
             */
            Sensor.fromObject = function (object, _depth) {
                if (object instanceof $root.lookout.v1.Sensor)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".lookout.v1.Sensor: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.lookout.v1.Sensor();
                if (object.id != null)
                    if (typeof object.id !== "string" || object.id.length)
                        message.id = $String(object.id);
                if (object.protocol != null)
                    if (typeof object.protocol !== "string" || object.protocol.length)
                        message.protocol = $String(object.protocol);
                if (object.type != null)
                    if (typeof object.type !== "string" || object.type.length)
                        message.type = $String(object.type);
                if (object.latE7 != null)
                    if ($Number(object.latE7) !== 0)
                        message.latE7 = object.latE7 | 0;
                if (object.lonE7 != null)
                    if ($Number(object.lonE7) !== 0)
                        message.lonE7 = object.lonE7 | 0;
                if (object.heightDm != null)
                    if ($Number(object.heightDm) !== 0)
                        message.heightDm = object.heightDm | 0;
                return message;
            };

            /**
             * Creates a plain object from a Sensor message. Also converts values to other types if specified.
             * @function toObject
             * @memberof lookout.v1.Sensor
             * @static
             * @param {lookout.v1.Sensor} message Sensor
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            Sensor.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.id = "";
                    object.protocol = "";
                    object.type = "";
                    object.latE7 = 0;
                    object.lonE7 = 0;
                    object.heightDm = 0;
                }
                if (message.id != null && $Object.hasOwnProperty.call(message, "id"))
                    object.id = message.id;
                if (message.protocol != null && $Object.hasOwnProperty.call(message, "protocol"))
                    object.protocol = message.protocol;
                if (message.type != null && $Object.hasOwnProperty.call(message, "type"))
                    object.type = message.type;
                if (message.latE7 != null && $Object.hasOwnProperty.call(message, "latE7"))
                    object.latE7 = message.latE7;
                if (message.lonE7 != null && $Object.hasOwnProperty.call(message, "lonE7"))
                    object.lonE7 = message.lonE7;
                if (message.heightDm != null && $Object.hasOwnProperty.call(message, "heightDm"))
                    object.heightDm = message.heightDm;
                return object;
            };

            /**
             * Converts this Sensor to JSON.
             * @function toJSON
             * @memberof lookout.v1.Sensor
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            Sensor.prototype.toJSON = function() {
                return Sensor.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for Sensor
             * @function getTypeUrl
             * @memberof lookout.v1.Sensor
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            Sensor.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/lookout.v1.Sensor";
            };

            return Sensor;
        })();

        v1.State = (function() {

            /**
             * Properties of a State.
             * @typedef {Object} lookout.v1.State.$Properties
             * @property {boolean|null} [online] State online
             * @property {number|null} [sinceUs] State sinceUs
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a State.
             * @memberof lookout.v1
             * @interface IState
             * @augments lookout.v1.State.$Properties
             * @deprecated Use lookout.v1.State.$Properties instead.
             */

            /**
             * Shape of a State.
             * @typedef {lookout.v1.State.$Properties} lookout.v1.State.$Shape
             */

            /**
             * Constructs a new State.
             * @memberof lookout.v1
             * @classdesc Represents a State.
             * @constructor
             * @param {lookout.v1.State.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const State = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * State online.
             * @member {boolean} online
             * @memberof lookout.v1.State
             * @instance
             */
            State.prototype.online = false;

            /**
             * State sinceUs.
             * @member {number} sinceUs
             * @memberof lookout.v1.State
             * @instance
             */
            State.prototype.sinceUs = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Creates a new State instance using the specified properties.
             * @function create
             * @memberof lookout.v1.State
             * @static
             * @param {lookout.v1.State.$Properties=} [properties] Properties to set
             * @returns {lookout.v1.State} State instance
             * @type {{
             *   (properties: lookout.v1.State.$Shape): lookout.v1.State & lookout.v1.State.$Shape;
             *   (properties?: lookout.v1.State.$Properties): lookout.v1.State;
             * }}
             */
            State.create = function(properties) {
                return new State(properties);
            };

            /**
             * Encodes the specified State message. Does not implicitly {@link lookout.v1.State.verify|verify} messages.
             * @function encode
             * @memberof lookout.v1.State
             * @static
             * @param {lookout.v1.State.$Properties} message State message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            State.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.online != null && $Object.hasOwnProperty.call(message, "online") && message.online !== false)
                    writer.uint32(/* id 1, wireType 0 =*/8).bool(message.online);
                if (message.sinceUs != null && $Object.hasOwnProperty.call(message, "sinceUs") && (typeof message.sinceUs === "object" ? message.sinceUs.low || message.sinceUs.high : message.sinceUs !== 0))
                    writer.uint32(/* id 2, wireType 0 =*/16).uint64(message.sinceUs);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Encodes the specified State message, length delimited. Does not implicitly {@link lookout.v1.State.verify|verify} messages.
             * @function encodeDelimited
             * @memberof lookout.v1.State
             * @static
             * @param {lookout.v1.State.$Properties} message State message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            State.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a State message from the specified reader or buffer.
             * @function decode
             * @memberof lookout.v1.State
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {lookout.v1.State & lookout.v1.State.$Shape} State
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            State.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.lookout.v1.State();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.bool())
                                message.online = value;
                            else
                                delete message.online;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.sinceUs = value;
                            else
                                delete message.sinceUs;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Decodes a State message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof lookout.v1.State
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {lookout.v1.State & lookout.v1.State.$Shape} State
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            State.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a State message.
             * @function verify
             * @memberof lookout.v1.State
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            State.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.online != null && $Object.hasOwnProperty.call(message, "online"))
                    if (typeof message.online !== "boolean")
                        return "online: boolean expected";
                if (message.sinceUs != null && $Object.hasOwnProperty.call(message, "sinceUs"))
                    if (!$util.isInteger(message.sinceUs) && !(message.sinceUs && $util.isInteger(message.sinceUs.low) && $util.isInteger(message.sinceUs.high)))
                        return "sinceUs: integer|Long expected";
                return null;
            };

            /**
             * Creates a State message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof lookout.v1.State
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {lookout.v1.State} State
             */
            State.fromObject = function (object, _depth) {
                if (object instanceof $root.lookout.v1.State)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".lookout.v1.State: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.lookout.v1.State();
                if (object.online != null)
                    if (object.online)
                        message.online = $Boolean(object.online);
                if (object.sinceUs != null)
                    if (typeof object.sinceUs === "object" ? object.sinceUs.low || object.sinceUs.high : $Number(object.sinceUs) !== 0)
                        if ($util.Long)
                            message.sinceUs = $util.Long.fromValue(object.sinceUs, true);
                        else if (typeof object.sinceUs === "string")
                            message.sinceUs = $parseInt(object.sinceUs, 10);
                        else if (typeof object.sinceUs === "number")
                            message.sinceUs = object.sinceUs;
                        else if (typeof object.sinceUs === "object")
                            message.sinceUs = new $util.LongBits(object.sinceUs.low >>> 0, object.sinceUs.high >>> 0).toNumber(true);
                return message;
            };

            /**
             * Creates a plain object from a State message. Also converts values to other types if specified.
             * @function toObject
             * @memberof lookout.v1.State
             * @static
             * @param {lookout.v1.State} message State
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            State.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.online = false;
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.sinceUs = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.sinceUs = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                }
                if (message.online != null && $Object.hasOwnProperty.call(message, "online"))
                    object.online = message.online;
                if (message.sinceUs != null && $Object.hasOwnProperty.call(message, "sinceUs"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.sinceUs = typeof message.sinceUs === "number" ? $BigInt(message.sinceUs) : $util.Long.fromBits(message.sinceUs.low >>> 0, message.sinceUs.high >>> 0, true).toBigInt();
                    else if (typeof message.sinceUs === "number")
                        object.sinceUs = options.longs === $String ? $String(message.sinceUs) : message.sinceUs;
                    else
                        object.sinceUs = options.longs === $String ? $util.Long.prototype.toString.call(message.sinceUs) : options.longs === $Number ? new $util.LongBits(message.sinceUs.low >>> 0, message.sinceUs.high >>> 0).toNumber(true) : message.sinceUs;
                return object;
            };

            /**
             * Converts this State to JSON.
             * @function toJSON
             * @memberof lookout.v1.State
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            State.prototype.toJSON = function() {
                return State.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for State
             * @function getTypeUrl
             * @memberof lookout.v1.State
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            State.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/lookout.v1.State";
            };

            return State;
        })();

        v1.PlotBatch = (function() {

            /**
             * Properties of a PlotBatch.
             * @typedef {Object} lookout.v1.PlotBatch.$Properties
             * @property {string|null} [sensor] PlotBatch sensor
             * @property {number|null} [scan] PlotBatch scan
             * @property {number|null} [originLatE7] PlotBatch originLatE7
             * @property {number|null} [originLonE7] PlotBatch originLonE7
             * @property {number|null} [baseTimeUs] PlotBatch baseTimeUs
             * @property {Array.<number>|null} [timeDelta_100us] PlotBatch timeDelta_100us
             * @property {Array.<number>|null} [rangeDeltaDm] PlotBatch rangeDeltaDm
             * @property {Array.<number>|null} [bearingDeltaB16] PlotBatch bearingDeltaB16
             * @property {Array.<number>|null} [rangeExtentM] PlotBatch rangeExtentM
             * @property {Array.<number>|null} [azimuthExtentB12] PlotBatch azimuthExtentB12
             * @property {Array.<number>|null} [peakPowerDb] PlotBatch peakPowerDb
             * @property {Array.<number>|null} [peakMinusMeanQdb] PlotBatch peakMinusMeanQdb
             * @property {Array.<number>|null} [cellCount] PlotBatch cellCount
             * @property {Array.<number>|null} [latDeltaE7] PlotBatch latDeltaE7
             * @property {Array.<number>|null} [lonDeltaE7] PlotBatch lonDeltaE7
             * @property {number|null} [thinned] PlotBatch thinned
             * @property {Array.<number>|null} [scanDelta] PlotBatch scanDelta
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a PlotBatch.
             * @memberof lookout.v1
             * @interface IPlotBatch
             * @augments lookout.v1.PlotBatch.$Properties
             * @deprecated Use lookout.v1.PlotBatch.$Properties instead.
             */

            /**
             * Shape of a PlotBatch.
             * @typedef {lookout.v1.PlotBatch.$Properties} lookout.v1.PlotBatch.$Shape
             */

            /**
             * Constructs a new PlotBatch.
             * @memberof lookout.v1
             * @classdesc Represents a PlotBatch.
             * @constructor
             * @param {lookout.v1.PlotBatch.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const PlotBatch = function (properties) {
                this.timeDelta_100us = [];
                this.rangeDeltaDm = [];
                this.bearingDeltaB16 = [];
                this.rangeExtentM = [];
                this.azimuthExtentB12 = [];
                this.peakPowerDb = [];
                this.peakMinusMeanQdb = [];
                this.cellCount = [];
                this.latDeltaE7 = [];
                this.lonDeltaE7 = [];
                this.scanDelta = [];
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * PlotBatch sensor.
             * @member {string} sensor
             * @memberof lookout.v1.PlotBatch
             * @instance
             */
            PlotBatch.prototype.sensor = "";

            /**
             * PlotBatch scan.
             * @member {number} scan
             * @memberof lookout.v1.PlotBatch
             * @instance
             */
            PlotBatch.prototype.scan = 0;

            /**
             * PlotBatch originLatE7.
             * @member {number} originLatE7
             * @memberof lookout.v1.PlotBatch
             * @instance
             */
            PlotBatch.prototype.originLatE7 = 0;

            /**
             * PlotBatch originLonE7.
             * @member {number} originLonE7
             * @memberof lookout.v1.PlotBatch
             * @instance
             */
            PlotBatch.prototype.originLonE7 = 0;

            /**
             * PlotBatch baseTimeUs.
             * @member {number} baseTimeUs
             * @memberof lookout.v1.PlotBatch
             * @instance
             */
            PlotBatch.prototype.baseTimeUs = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * PlotBatch timeDelta_100us.
             * @member {Array.<number>} timeDelta_100us
             * @memberof lookout.v1.PlotBatch
             * @instance
             */
            PlotBatch.prototype.timeDelta_100us = $util.emptyArray;

            /**
             * PlotBatch rangeDeltaDm.
             * @member {Array.<number>} rangeDeltaDm
             * @memberof lookout.v1.PlotBatch
             * @instance
             */
            PlotBatch.prototype.rangeDeltaDm = $util.emptyArray;

            /**
             * PlotBatch bearingDeltaB16.
             * @member {Array.<number>} bearingDeltaB16
             * @memberof lookout.v1.PlotBatch
             * @instance
             */
            PlotBatch.prototype.bearingDeltaB16 = $util.emptyArray;

            /**
             * PlotBatch rangeExtentM.
             * @member {Array.<number>} rangeExtentM
             * @memberof lookout.v1.PlotBatch
             * @instance
             */
            PlotBatch.prototype.rangeExtentM = $util.emptyArray;

            /**
             * PlotBatch azimuthExtentB12.
             * @member {Array.<number>} azimuthExtentB12
             * @memberof lookout.v1.PlotBatch
             * @instance
             */
            PlotBatch.prototype.azimuthExtentB12 = $util.emptyArray;

            /**
             * PlotBatch peakPowerDb.
             * @member {Array.<number>} peakPowerDb
             * @memberof lookout.v1.PlotBatch
             * @instance
             */
            PlotBatch.prototype.peakPowerDb = $util.emptyArray;

            /**
             * PlotBatch peakMinusMeanQdb.
             * @member {Array.<number>} peakMinusMeanQdb
             * @memberof lookout.v1.PlotBatch
             * @instance
             */
            PlotBatch.prototype.peakMinusMeanQdb = $util.emptyArray;

            /**
             * PlotBatch cellCount.
             * @member {Array.<number>} cellCount
             * @memberof lookout.v1.PlotBatch
             * @instance
             */
            PlotBatch.prototype.cellCount = $util.emptyArray;

            /**
             * PlotBatch latDeltaE7.
             * @member {Array.<number>} latDeltaE7
             * @memberof lookout.v1.PlotBatch
             * @instance
             */
            PlotBatch.prototype.latDeltaE7 = $util.emptyArray;

            /**
             * PlotBatch lonDeltaE7.
             * @member {Array.<number>} lonDeltaE7
             * @memberof lookout.v1.PlotBatch
             * @instance
             */
            PlotBatch.prototype.lonDeltaE7 = $util.emptyArray;

            /**
             * PlotBatch thinned.
             * @member {number} thinned
             * @memberof lookout.v1.PlotBatch
             * @instance
             */
            PlotBatch.prototype.thinned = 0;

            /**
             * PlotBatch scanDelta.
             * @member {Array.<number>} scanDelta
             * @memberof lookout.v1.PlotBatch
             * @instance
             */
            PlotBatch.prototype.scanDelta = $util.emptyArray;

            /**
             * Creates a new PlotBatch instance using the specified properties.
             * @function create
             * @memberof lookout.v1.PlotBatch
             * @static
             * @param {lookout.v1.PlotBatch.$Properties=} [properties] Properties to set
             * @returns {lookout.v1.PlotBatch} PlotBatch instance
             * @type {{
             *   (properties: lookout.v1.PlotBatch.$Shape): lookout.v1.PlotBatch & lookout.v1.PlotBatch.$Shape;
             *   (properties?: lookout.v1.PlotBatch.$Properties): lookout.v1.PlotBatch;
             * }}
             */
            PlotBatch.create = function(properties) {
                return new PlotBatch(properties);
            };

            /**
             * Encodes the specified PlotBatch message. Does not implicitly {@link lookout.v1.PlotBatch.verify|verify} messages.
             * @function encode
             * @memberof lookout.v1.PlotBatch
             * @static
             * @param {lookout.v1.PlotBatch.$Properties} message PlotBatch message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            PlotBatch.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.sensor != null && $Object.hasOwnProperty.call(message, "sensor") && message.sensor !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.sensor);
                if (message.scan != null && $Object.hasOwnProperty.call(message, "scan") && message.scan !== 0)
                    writer.uint32(/* id 2, wireType 0 =*/16).uint32(message.scan);
                if (message.originLatE7 != null && $Object.hasOwnProperty.call(message, "originLatE7") && message.originLatE7 !== 0)
                    writer.uint32(/* id 3, wireType 0 =*/24).sint32(message.originLatE7);
                if (message.originLonE7 != null && $Object.hasOwnProperty.call(message, "originLonE7") && message.originLonE7 !== 0)
                    writer.uint32(/* id 4, wireType 0 =*/32).sint32(message.originLonE7);
                if (message.baseTimeUs != null && $Object.hasOwnProperty.call(message, "baseTimeUs") && (typeof message.baseTimeUs === "object" ? message.baseTimeUs.low || message.baseTimeUs.high : message.baseTimeUs !== 0))
                    writer.uint32(/* id 5, wireType 0 =*/40).uint64(message.baseTimeUs);
                if (message.timeDelta_100us != null && message.timeDelta_100us.length)
                    writer.uint32(/* id 6, wireType 2 =*/50).sint32s(message.timeDelta_100us);
                if (message.rangeDeltaDm != null && message.rangeDeltaDm.length)
                    writer.uint32(/* id 7, wireType 2 =*/58).sint32s(message.rangeDeltaDm);
                if (message.bearingDeltaB16 != null && message.bearingDeltaB16.length)
                    writer.uint32(/* id 8, wireType 2 =*/66).sint32s(message.bearingDeltaB16);
                if (message.rangeExtentM != null && message.rangeExtentM.length)
                    writer.uint32(/* id 9, wireType 2 =*/74).uint32s(message.rangeExtentM);
                if (message.azimuthExtentB12 != null && message.azimuthExtentB12.length)
                    writer.uint32(/* id 10, wireType 2 =*/82).uint32s(message.azimuthExtentB12);
                if (message.peakPowerDb != null && message.peakPowerDb.length)
                    writer.uint32(/* id 11, wireType 2 =*/90).sint32s(message.peakPowerDb);
                if (message.peakMinusMeanQdb != null && message.peakMinusMeanQdb.length)
                    writer.uint32(/* id 12, wireType 2 =*/98).uint32s(message.peakMinusMeanQdb);
                if (message.cellCount != null && message.cellCount.length)
                    writer.uint32(/* id 13, wireType 2 =*/106).uint32s(message.cellCount);
                if (message.latDeltaE7 != null && message.latDeltaE7.length)
                    writer.uint32(/* id 14, wireType 2 =*/114).sint32s(message.latDeltaE7);
                if (message.lonDeltaE7 != null && message.lonDeltaE7.length)
                    writer.uint32(/* id 15, wireType 2 =*/122).sint32s(message.lonDeltaE7);
                if (message.thinned != null && $Object.hasOwnProperty.call(message, "thinned") && message.thinned !== 0)
                    writer.uint32(/* id 16, wireType 0 =*/128).uint32(message.thinned);
                if (message.scanDelta != null && message.scanDelta.length)
                    writer.uint32(/* id 17, wireType 2 =*/138).sint32s(message.scanDelta);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Encodes the specified PlotBatch message, length delimited. Does not implicitly {@link lookout.v1.PlotBatch.verify|verify} messages.
             * @function encodeDelimited
             * @memberof lookout.v1.PlotBatch
             * @static
             * @param {lookout.v1.PlotBatch.$Properties} message PlotBatch message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            PlotBatch.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a PlotBatch message from the specified reader or buffer.
             * @function decode
             * @memberof lookout.v1.PlotBatch
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {lookout.v1.PlotBatch & lookout.v1.PlotBatch.$Shape} PlotBatch
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            PlotBatch.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.lookout.v1.PlotBatch();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.sensor = value;
                            else
                                delete message.sensor;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.scan = value;
                            else
                                delete message.scan;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.sint32())
                                message.originLatE7 = value;
                            else
                                delete message.originLatE7;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.sint32())
                                message.originLonE7 = value;
                            else
                                delete message.originLonE7;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.baseTimeUs = value;
                            else
                                delete message.baseTimeUs;
                            continue;
                        }
                    case 6: {
                            if (wireType === 2) {
                                if (!(message.timeDelta_100us && message.timeDelta_100us.length))
                                    message.timeDelta_100us = [];
                                reader.sint32s(message.timeDelta_100us);
                                continue;
                            }
                            if (wireType !== 0)
                                break;
                            if (!(message.timeDelta_100us && message.timeDelta_100us.length))
                                message.timeDelta_100us = [];
                            message.timeDelta_100us.push(reader.sint32());
                            continue;
                        }
                    case 7: {
                            if (wireType === 2) {
                                if (!(message.rangeDeltaDm && message.rangeDeltaDm.length))
                                    message.rangeDeltaDm = [];
                                reader.sint32s(message.rangeDeltaDm);
                                continue;
                            }
                            if (wireType !== 0)
                                break;
                            if (!(message.rangeDeltaDm && message.rangeDeltaDm.length))
                                message.rangeDeltaDm = [];
                            message.rangeDeltaDm.push(reader.sint32());
                            continue;
                        }
                    case 8: {
                            if (wireType === 2) {
                                if (!(message.bearingDeltaB16 && message.bearingDeltaB16.length))
                                    message.bearingDeltaB16 = [];
                                reader.sint32s(message.bearingDeltaB16);
                                continue;
                            }
                            if (wireType !== 0)
                                break;
                            if (!(message.bearingDeltaB16 && message.bearingDeltaB16.length))
                                message.bearingDeltaB16 = [];
                            message.bearingDeltaB16.push(reader.sint32());
                            continue;
                        }
                    case 9: {
                            if (wireType === 2) {
                                if (!(message.rangeExtentM && message.rangeExtentM.length))
                                    message.rangeExtentM = [];
                                reader.uint32s(message.rangeExtentM);
                                continue;
                            }
                            if (wireType !== 0)
                                break;
                            if (!(message.rangeExtentM && message.rangeExtentM.length))
                                message.rangeExtentM = [];
                            message.rangeExtentM.push(reader.uint32());
                            continue;
                        }
                    case 10: {
                            if (wireType === 2) {
                                if (!(message.azimuthExtentB12 && message.azimuthExtentB12.length))
                                    message.azimuthExtentB12 = [];
                                reader.uint32s(message.azimuthExtentB12);
                                continue;
                            }
                            if (wireType !== 0)
                                break;
                            if (!(message.azimuthExtentB12 && message.azimuthExtentB12.length))
                                message.azimuthExtentB12 = [];
                            message.azimuthExtentB12.push(reader.uint32());
                            continue;
                        }
                    case 11: {
                            if (wireType === 2) {
                                if (!(message.peakPowerDb && message.peakPowerDb.length))
                                    message.peakPowerDb = [];
                                reader.sint32s(message.peakPowerDb);
                                continue;
                            }
                            if (wireType !== 0)
                                break;
                            if (!(message.peakPowerDb && message.peakPowerDb.length))
                                message.peakPowerDb = [];
                            message.peakPowerDb.push(reader.sint32());
                            continue;
                        }
                    case 12: {
                            if (wireType === 2) {
                                if (!(message.peakMinusMeanQdb && message.peakMinusMeanQdb.length))
                                    message.peakMinusMeanQdb = [];
                                reader.uint32s(message.peakMinusMeanQdb);
                                continue;
                            }
                            if (wireType !== 0)
                                break;
                            if (!(message.peakMinusMeanQdb && message.peakMinusMeanQdb.length))
                                message.peakMinusMeanQdb = [];
                            message.peakMinusMeanQdb.push(reader.uint32());
                            continue;
                        }
                    case 13: {
                            if (wireType === 2) {
                                if (!(message.cellCount && message.cellCount.length))
                                    message.cellCount = [];
                                reader.uint32s(message.cellCount);
                                continue;
                            }
                            if (wireType !== 0)
                                break;
                            if (!(message.cellCount && message.cellCount.length))
                                message.cellCount = [];
                            message.cellCount.push(reader.uint32());
                            continue;
                        }
                    case 14: {
                            if (wireType === 2) {
                                if (!(message.latDeltaE7 && message.latDeltaE7.length))
                                    message.latDeltaE7 = [];
                                reader.sint32s(message.latDeltaE7);
                                continue;
                            }
                            if (wireType !== 0)
                                break;
                            if (!(message.latDeltaE7 && message.latDeltaE7.length))
                                message.latDeltaE7 = [];
                            message.latDeltaE7.push(reader.sint32());
                            continue;
                        }
                    case 15: {
                            if (wireType === 2) {
                                if (!(message.lonDeltaE7 && message.lonDeltaE7.length))
                                    message.lonDeltaE7 = [];
                                reader.sint32s(message.lonDeltaE7);
                                continue;
                            }
                            if (wireType !== 0)
                                break;
                            if (!(message.lonDeltaE7 && message.lonDeltaE7.length))
                                message.lonDeltaE7 = [];
                            message.lonDeltaE7.push(reader.sint32());
                            continue;
                        }
                    case 16: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.thinned = value;
                            else
                                delete message.thinned;
                            continue;
                        }
                    case 17: {
                            if (wireType === 2) {
                                if (!(message.scanDelta && message.scanDelta.length))
                                    message.scanDelta = [];
                                reader.sint32s(message.scanDelta);
                                continue;
                            }
                            if (wireType !== 0)
                                break;
                            if (!(message.scanDelta && message.scanDelta.length))
                                message.scanDelta = [];
                            message.scanDelta.push(reader.sint32());
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Decodes a PlotBatch message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof lookout.v1.PlotBatch
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {lookout.v1.PlotBatch & lookout.v1.PlotBatch.$Shape} PlotBatch
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            PlotBatch.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a PlotBatch message.
             * @function verify
             * @memberof lookout.v1.PlotBatch
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            PlotBatch.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.sensor != null && $Object.hasOwnProperty.call(message, "sensor"))
                    if (!$util.isString(message.sensor))
                        return "sensor: string expected";
                if (message.scan != null && $Object.hasOwnProperty.call(message, "scan"))
                    if (!$util.isInteger(message.scan))
                        return "scan: integer expected";
                if (message.originLatE7 != null && $Object.hasOwnProperty.call(message, "originLatE7"))
                    if (!$util.isInteger(message.originLatE7))
                        return "originLatE7: integer expected";
                if (message.originLonE7 != null && $Object.hasOwnProperty.call(message, "originLonE7"))
                    if (!$util.isInteger(message.originLonE7))
                        return "originLonE7: integer expected";
                if (message.baseTimeUs != null && $Object.hasOwnProperty.call(message, "baseTimeUs"))
                    if (!$util.isInteger(message.baseTimeUs) && !(message.baseTimeUs && $util.isInteger(message.baseTimeUs.low) && $util.isInteger(message.baseTimeUs.high)))
                        return "baseTimeUs: integer|Long expected";
                if (message.timeDelta_100us != null && $Object.hasOwnProperty.call(message, "timeDelta_100us")) {
                    if (!$Array.isArray(message.timeDelta_100us))
                        return "timeDelta_100us: array expected";
                    for (let i = 0; i < message.timeDelta_100us.length; ++i)
                        if (!$util.isInteger(message.timeDelta_100us[i]))
                            return "timeDelta_100us: integer[] expected";
                }
                if (message.rangeDeltaDm != null && $Object.hasOwnProperty.call(message, "rangeDeltaDm")) {
                    if (!$Array.isArray(message.rangeDeltaDm))
                        return "rangeDeltaDm: array expected";
                    for (let i = 0; i < message.rangeDeltaDm.length; ++i)
                        if (!$util.isInteger(message.rangeDeltaDm[i]))
                            return "rangeDeltaDm: integer[] expected";
                }
                if (message.bearingDeltaB16 != null && $Object.hasOwnProperty.call(message, "bearingDeltaB16")) {
                    if (!$Array.isArray(message.bearingDeltaB16))
                        return "bearingDeltaB16: array expected";
                    for (let i = 0; i < message.bearingDeltaB16.length; ++i)
                        if (!$util.isInteger(message.bearingDeltaB16[i]))
                            return "bearingDeltaB16: integer[] expected";
                }
                if (message.rangeExtentM != null && $Object.hasOwnProperty.call(message, "rangeExtentM")) {
                    if (!$Array.isArray(message.rangeExtentM))
                        return "rangeExtentM: array expected";
                    for (let i = 0; i < message.rangeExtentM.length; ++i)
                        if (!$util.isInteger(message.rangeExtentM[i]))
                            return "rangeExtentM: integer[] expected";
                }
                if (message.azimuthExtentB12 != null && $Object.hasOwnProperty.call(message, "azimuthExtentB12")) {
                    if (!$Array.isArray(message.azimuthExtentB12))
                        return "azimuthExtentB12: array expected";
                    for (let i = 0; i < message.azimuthExtentB12.length; ++i)
                        if (!$util.isInteger(message.azimuthExtentB12[i]))
                            return "azimuthExtentB12: integer[] expected";
                }
                if (message.peakPowerDb != null && $Object.hasOwnProperty.call(message, "peakPowerDb")) {
                    if (!$Array.isArray(message.peakPowerDb))
                        return "peakPowerDb: array expected";
                    for (let i = 0; i < message.peakPowerDb.length; ++i)
                        if (!$util.isInteger(message.peakPowerDb[i]))
                            return "peakPowerDb: integer[] expected";
                }
                if (message.peakMinusMeanQdb != null && $Object.hasOwnProperty.call(message, "peakMinusMeanQdb")) {
                    if (!$Array.isArray(message.peakMinusMeanQdb))
                        return "peakMinusMeanQdb: array expected";
                    for (let i = 0; i < message.peakMinusMeanQdb.length; ++i)
                        if (!$util.isInteger(message.peakMinusMeanQdb[i]))
                            return "peakMinusMeanQdb: integer[] expected";
                }
                if (message.cellCount != null && $Object.hasOwnProperty.call(message, "cellCount")) {
                    if (!$Array.isArray(message.cellCount))
                        return "cellCount: array expected";
                    for (let i = 0; i < message.cellCount.length; ++i)
                        if (!$util.isInteger(message.cellCount[i]))
                            return "cellCount: integer[] expected";
                }
                if (message.latDeltaE7 != null && $Object.hasOwnProperty.call(message, "latDeltaE7")) {
                    if (!$Array.isArray(message.latDeltaE7))
                        return "latDeltaE7: array expected";
                    for (let i = 0; i < message.latDeltaE7.length; ++i)
                        if (!$util.isInteger(message.latDeltaE7[i]))
                            return "latDeltaE7: integer[] expected";
                }
                if (message.lonDeltaE7 != null && $Object.hasOwnProperty.call(message, "lonDeltaE7")) {
                    if (!$Array.isArray(message.lonDeltaE7))
                        return "lonDeltaE7: array expected";
                    for (let i = 0; i < message.lonDeltaE7.length; ++i)
                        if (!$util.isInteger(message.lonDeltaE7[i]))
                            return "lonDeltaE7: integer[] expected";
                }
                if (message.thinned != null && $Object.hasOwnProperty.call(message, "thinned"))
                    if (!$util.isInteger(message.thinned))
                        return "thinned: integer expected";
                if (message.scanDelta != null && $Object.hasOwnProperty.call(message, "scanDelta")) {
                    if (!$Array.isArray(message.scanDelta))
                        return "scanDelta: array expected";
                    for (let i = 0; i < message.scanDelta.length; ++i)
                        if (!$util.isInteger(message.scanDelta[i]))
                            return "scanDelta: integer[] expected";
                }
                return null;
            };

            /**
             * Creates a PlotBatch message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof lookout.v1.PlotBatch
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {lookout.v1.PlotBatch} PlotBatch
             */
            PlotBatch.fromObject = function (object, _depth) {
                if (object instanceof $root.lookout.v1.PlotBatch)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".lookout.v1.PlotBatch: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.lookout.v1.PlotBatch();
                if (object.sensor != null)
                    if (typeof object.sensor !== "string" || object.sensor.length)
                        message.sensor = $String(object.sensor);
                if (object.scan != null)
                    if ($Number(object.scan) !== 0)
                        message.scan = object.scan >>> 0;
                if (object.originLatE7 != null)
                    if ($Number(object.originLatE7) !== 0)
                        message.originLatE7 = object.originLatE7 | 0;
                if (object.originLonE7 != null)
                    if ($Number(object.originLonE7) !== 0)
                        message.originLonE7 = object.originLonE7 | 0;
                if (object.baseTimeUs != null)
                    if (typeof object.baseTimeUs === "object" ? object.baseTimeUs.low || object.baseTimeUs.high : $Number(object.baseTimeUs) !== 0)
                        if ($util.Long)
                            message.baseTimeUs = $util.Long.fromValue(object.baseTimeUs, true);
                        else if (typeof object.baseTimeUs === "string")
                            message.baseTimeUs = $parseInt(object.baseTimeUs, 10);
                        else if (typeof object.baseTimeUs === "number")
                            message.baseTimeUs = object.baseTimeUs;
                        else if (typeof object.baseTimeUs === "object")
                            message.baseTimeUs = new $util.LongBits(object.baseTimeUs.low >>> 0, object.baseTimeUs.high >>> 0).toNumber(true);
                if (object.timeDelta_100us) {
                    if (!$Array.isArray(object.timeDelta_100us))
                        throw $TypeError(".lookout.v1.PlotBatch.timeDelta_100us: array expected");
                    message.timeDelta_100us = $Array(object.timeDelta_100us.length);
                    for (let i = 0; i < object.timeDelta_100us.length; ++i)
                        message.timeDelta_100us[i] = object.timeDelta_100us[i] | 0;
                }
                if (object.rangeDeltaDm) {
                    if (!$Array.isArray(object.rangeDeltaDm))
                        throw $TypeError(".lookout.v1.PlotBatch.rangeDeltaDm: array expected");
                    message.rangeDeltaDm = $Array(object.rangeDeltaDm.length);
                    for (let i = 0; i < object.rangeDeltaDm.length; ++i)
                        message.rangeDeltaDm[i] = object.rangeDeltaDm[i] | 0;
                }
                if (object.bearingDeltaB16) {
                    if (!$Array.isArray(object.bearingDeltaB16))
                        throw $TypeError(".lookout.v1.PlotBatch.bearingDeltaB16: array expected");
                    message.bearingDeltaB16 = $Array(object.bearingDeltaB16.length);
                    for (let i = 0; i < object.bearingDeltaB16.length; ++i)
                        message.bearingDeltaB16[i] = object.bearingDeltaB16[i] | 0;
                }
                if (object.rangeExtentM) {
                    if (!$Array.isArray(object.rangeExtentM))
                        throw $TypeError(".lookout.v1.PlotBatch.rangeExtentM: array expected");
                    message.rangeExtentM = $Array(object.rangeExtentM.length);
                    for (let i = 0; i < object.rangeExtentM.length; ++i)
                        message.rangeExtentM[i] = object.rangeExtentM[i] >>> 0;
                }
                if (object.azimuthExtentB12) {
                    if (!$Array.isArray(object.azimuthExtentB12))
                        throw $TypeError(".lookout.v1.PlotBatch.azimuthExtentB12: array expected");
                    message.azimuthExtentB12 = $Array(object.azimuthExtentB12.length);
                    for (let i = 0; i < object.azimuthExtentB12.length; ++i)
                        message.azimuthExtentB12[i] = object.azimuthExtentB12[i] >>> 0;
                }
                if (object.peakPowerDb) {
                    if (!$Array.isArray(object.peakPowerDb))
                        throw $TypeError(".lookout.v1.PlotBatch.peakPowerDb: array expected");
                    message.peakPowerDb = $Array(object.peakPowerDb.length);
                    for (let i = 0; i < object.peakPowerDb.length; ++i)
                        message.peakPowerDb[i] = object.peakPowerDb[i] | 0;
                }
                if (object.peakMinusMeanQdb) {
                    if (!$Array.isArray(object.peakMinusMeanQdb))
                        throw $TypeError(".lookout.v1.PlotBatch.peakMinusMeanQdb: array expected");
                    message.peakMinusMeanQdb = $Array(object.peakMinusMeanQdb.length);
                    for (let i = 0; i < object.peakMinusMeanQdb.length; ++i)
                        message.peakMinusMeanQdb[i] = object.peakMinusMeanQdb[i] >>> 0;
                }
                if (object.cellCount) {
                    if (!$Array.isArray(object.cellCount))
                        throw $TypeError(".lookout.v1.PlotBatch.cellCount: array expected");
                    message.cellCount = $Array(object.cellCount.length);
                    for (let i = 0; i < object.cellCount.length; ++i)
                        message.cellCount[i] = object.cellCount[i] >>> 0;
                }
                if (object.latDeltaE7) {
                    if (!$Array.isArray(object.latDeltaE7))
                        throw $TypeError(".lookout.v1.PlotBatch.latDeltaE7: array expected");
                    message.latDeltaE7 = $Array(object.latDeltaE7.length);
                    for (let i = 0; i < object.latDeltaE7.length; ++i)
                        message.latDeltaE7[i] = object.latDeltaE7[i] | 0;
                }
                if (object.lonDeltaE7) {
                    if (!$Array.isArray(object.lonDeltaE7))
                        throw $TypeError(".lookout.v1.PlotBatch.lonDeltaE7: array expected");
                    message.lonDeltaE7 = $Array(object.lonDeltaE7.length);
                    for (let i = 0; i < object.lonDeltaE7.length; ++i)
                        message.lonDeltaE7[i] = object.lonDeltaE7[i] | 0;
                }
                if (object.thinned != null)
                    if ($Number(object.thinned) !== 0)
                        message.thinned = object.thinned >>> 0;
                if (object.scanDelta) {
                    if (!$Array.isArray(object.scanDelta))
                        throw $TypeError(".lookout.v1.PlotBatch.scanDelta: array expected");
                    message.scanDelta = $Array(object.scanDelta.length);
                    for (let i = 0; i < object.scanDelta.length; ++i)
                        message.scanDelta[i] = object.scanDelta[i] | 0;
                }
                return message;
            };

            /**
             * Creates a plain object from a PlotBatch message. Also converts values to other types if specified.
             * @function toObject
             * @memberof lookout.v1.PlotBatch
             * @static
             * @param {lookout.v1.PlotBatch} message PlotBatch
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            PlotBatch.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.arrays || options.defaults) {
                    object.timeDelta_100us = [];
                    object.rangeDeltaDm = [];
                    object.bearingDeltaB16 = [];
                    object.rangeExtentM = [];
                    object.azimuthExtentB12 = [];
                    object.peakPowerDb = [];
                    object.peakMinusMeanQdb = [];
                    object.cellCount = [];
                    object.latDeltaE7 = [];
                    object.lonDeltaE7 = [];
                    object.scanDelta = [];
                }
                if (options.defaults) {
                    object.sensor = "";
                    object.scan = 0;
                    object.originLatE7 = 0;
                    object.originLonE7 = 0;
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.baseTimeUs = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.baseTimeUs = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    object.thinned = 0;
                }
                if (message.sensor != null && $Object.hasOwnProperty.call(message, "sensor"))
                    object.sensor = message.sensor;
                if (message.scan != null && $Object.hasOwnProperty.call(message, "scan"))
                    object.scan = message.scan;
                if (message.originLatE7 != null && $Object.hasOwnProperty.call(message, "originLatE7"))
                    object.originLatE7 = message.originLatE7;
                if (message.originLonE7 != null && $Object.hasOwnProperty.call(message, "originLonE7"))
                    object.originLonE7 = message.originLonE7;
                if (message.baseTimeUs != null && $Object.hasOwnProperty.call(message, "baseTimeUs"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.baseTimeUs = typeof message.baseTimeUs === "number" ? $BigInt(message.baseTimeUs) : $util.Long.fromBits(message.baseTimeUs.low >>> 0, message.baseTimeUs.high >>> 0, true).toBigInt();
                    else if (typeof message.baseTimeUs === "number")
                        object.baseTimeUs = options.longs === $String ? $String(message.baseTimeUs) : message.baseTimeUs;
                    else
                        object.baseTimeUs = options.longs === $String ? $util.Long.prototype.toString.call(message.baseTimeUs) : options.longs === $Number ? new $util.LongBits(message.baseTimeUs.low >>> 0, message.baseTimeUs.high >>> 0).toNumber(true) : message.baseTimeUs;
                if (message.timeDelta_100us && message.timeDelta_100us.length) {
                    object.timeDelta_100us = $Array(message.timeDelta_100us.length);
                    for (let j = 0; j < message.timeDelta_100us.length; ++j)
                        object.timeDelta_100us[j] = message.timeDelta_100us[j];
                }
                if (message.rangeDeltaDm && message.rangeDeltaDm.length) {
                    object.rangeDeltaDm = $Array(message.rangeDeltaDm.length);
                    for (let j = 0; j < message.rangeDeltaDm.length; ++j)
                        object.rangeDeltaDm[j] = message.rangeDeltaDm[j];
                }
                if (message.bearingDeltaB16 && message.bearingDeltaB16.length) {
                    object.bearingDeltaB16 = $Array(message.bearingDeltaB16.length);
                    for (let j = 0; j < message.bearingDeltaB16.length; ++j)
                        object.bearingDeltaB16[j] = message.bearingDeltaB16[j];
                }
                if (message.rangeExtentM && message.rangeExtentM.length) {
                    object.rangeExtentM = $Array(message.rangeExtentM.length);
                    for (let j = 0; j < message.rangeExtentM.length; ++j)
                        object.rangeExtentM[j] = message.rangeExtentM[j];
                }
                if (message.azimuthExtentB12 && message.azimuthExtentB12.length) {
                    object.azimuthExtentB12 = $Array(message.azimuthExtentB12.length);
                    for (let j = 0; j < message.azimuthExtentB12.length; ++j)
                        object.azimuthExtentB12[j] = message.azimuthExtentB12[j];
                }
                if (message.peakPowerDb && message.peakPowerDb.length) {
                    object.peakPowerDb = $Array(message.peakPowerDb.length);
                    for (let j = 0; j < message.peakPowerDb.length; ++j)
                        object.peakPowerDb[j] = message.peakPowerDb[j];
                }
                if (message.peakMinusMeanQdb && message.peakMinusMeanQdb.length) {
                    object.peakMinusMeanQdb = $Array(message.peakMinusMeanQdb.length);
                    for (let j = 0; j < message.peakMinusMeanQdb.length; ++j)
                        object.peakMinusMeanQdb[j] = message.peakMinusMeanQdb[j];
                }
                if (message.cellCount && message.cellCount.length) {
                    object.cellCount = $Array(message.cellCount.length);
                    for (let j = 0; j < message.cellCount.length; ++j)
                        object.cellCount[j] = message.cellCount[j];
                }
                if (message.latDeltaE7 && message.latDeltaE7.length) {
                    object.latDeltaE7 = $Array(message.latDeltaE7.length);
                    for (let j = 0; j < message.latDeltaE7.length; ++j)
                        object.latDeltaE7[j] = message.latDeltaE7[j];
                }
                if (message.lonDeltaE7 && message.lonDeltaE7.length) {
                    object.lonDeltaE7 = $Array(message.lonDeltaE7.length);
                    for (let j = 0; j < message.lonDeltaE7.length; ++j)
                        object.lonDeltaE7[j] = message.lonDeltaE7[j];
                }
                if (message.thinned != null && $Object.hasOwnProperty.call(message, "thinned"))
                    object.thinned = message.thinned;
                if (message.scanDelta && message.scanDelta.length) {
                    object.scanDelta = $Array(message.scanDelta.length);
                    for (let j = 0; j < message.scanDelta.length; ++j)
                        object.scanDelta[j] = message.scanDelta[j];
                }
                return object;
            };

            /**
             * Converts this PlotBatch to JSON.
             * @function toJSON
             * @memberof lookout.v1.PlotBatch
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            PlotBatch.prototype.toJSON = function() {
                return PlotBatch.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for PlotBatch
             * @function getTypeUrl
             * @memberof lookout.v1.PlotBatch
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            PlotBatch.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/lookout.v1.PlotBatch";
            };

            return PlotBatch;
        })();

        v1.TrackBatch = (function() {

            /**
             * Properties of a TrackBatch.
             * @typedef {Object} lookout.v1.TrackBatch.$Properties
             * @property {string|null} [sensor] TrackBatch sensor
             * @property {Array.<lookout.v1.Track.$Properties>|null} [tracks] TrackBatch tracks
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a TrackBatch.
             * @memberof lookout.v1
             * @interface ITrackBatch
             * @augments lookout.v1.TrackBatch.$Properties
             * @deprecated Use lookout.v1.TrackBatch.$Properties instead.
             */

            /**
             * Shape of a TrackBatch.
             * @typedef {lookout.v1.TrackBatch.$Properties} lookout.v1.TrackBatch.$Shape
             */

            /**
             * Constructs a new TrackBatch.
             * @memberof lookout.v1
             * @classdesc Represents a TrackBatch.
             * @constructor
             * @param {lookout.v1.TrackBatch.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const TrackBatch = function (properties) {
                this.tracks = [];
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * TrackBatch sensor.
             * @member {string} sensor
             * @memberof lookout.v1.TrackBatch
             * @instance
             */
            TrackBatch.prototype.sensor = "";

            /**
             * TrackBatch tracks.
             * @member {Array.<lookout.v1.Track.$Properties>} tracks
             * @memberof lookout.v1.TrackBatch
             * @instance
             */
            TrackBatch.prototype.tracks = $util.emptyArray;

            /**
             * Creates a new TrackBatch instance using the specified properties.
             * @function create
             * @memberof lookout.v1.TrackBatch
             * @static
             * @param {lookout.v1.TrackBatch.$Properties=} [properties] Properties to set
             * @returns {lookout.v1.TrackBatch} TrackBatch instance
             * @type {{
             *   (properties: lookout.v1.TrackBatch.$Shape): lookout.v1.TrackBatch & lookout.v1.TrackBatch.$Shape;
             *   (properties?: lookout.v1.TrackBatch.$Properties): lookout.v1.TrackBatch;
             * }}
             */
            TrackBatch.create = function(properties) {
                return new TrackBatch(properties);
            };

            /**
             * Encodes the specified TrackBatch message. Does not implicitly {@link lookout.v1.TrackBatch.verify|verify} messages.
             * @function encode
             * @memberof lookout.v1.TrackBatch
             * @static
             * @param {lookout.v1.TrackBatch.$Properties} message TrackBatch message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            TrackBatch.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.sensor != null && $Object.hasOwnProperty.call(message, "sensor") && message.sensor !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.sensor);
                if (message.tracks != null && message.tracks.length)
                    for (let i = 0; i < message.tracks.length; ++i)
                        $root.lookout.v1.Track.encode(message.tracks[i], writer.uint32(/* id 2, wireType 2 =*/18).fork(), _depth + 1).ldelim();
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Encodes the specified TrackBatch message, length delimited. Does not implicitly {@link lookout.v1.TrackBatch.verify|verify} messages.
             * @function encodeDelimited
             * @memberof lookout.v1.TrackBatch
             * @static
             * @param {lookout.v1.TrackBatch.$Properties} message TrackBatch message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            TrackBatch.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a TrackBatch message from the specified reader or buffer.
             * @function decode
             * @memberof lookout.v1.TrackBatch
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {lookout.v1.TrackBatch & lookout.v1.TrackBatch.$Shape} TrackBatch
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            TrackBatch.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.lookout.v1.TrackBatch();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.sensor = value;
                            else
                                delete message.sensor;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if (!(message.tracks && message.tracks.length))
                                message.tracks = [];
                            message.tracks.push($root.lookout.v1.Track.decode(reader, reader.size(), $undefined, _depth + 1));
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Decodes a TrackBatch message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof lookout.v1.TrackBatch
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {lookout.v1.TrackBatch & lookout.v1.TrackBatch.$Shape} TrackBatch
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            TrackBatch.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a TrackBatch message.
             * @function verify
             * @memberof lookout.v1.TrackBatch
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            TrackBatch.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.sensor != null && $Object.hasOwnProperty.call(message, "sensor"))
                    if (!$util.isString(message.sensor))
                        return "sensor: string expected";
                if (message.tracks != null && $Object.hasOwnProperty.call(message, "tracks")) {
                    if (!$Array.isArray(message.tracks))
                        return "tracks: array expected";
                    for (let i = 0; i < message.tracks.length; ++i) {
                        let error = $root.lookout.v1.Track.verify(message.tracks[i], _depth + 1);
                        if (error)
                            return "tracks." + error;
                    }
                }
                return null;
            };

            /**
             * Creates a TrackBatch message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof lookout.v1.TrackBatch
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {lookout.v1.TrackBatch} TrackBatch
             */
            TrackBatch.fromObject = function (object, _depth) {
                if (object instanceof $root.lookout.v1.TrackBatch)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".lookout.v1.TrackBatch: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.lookout.v1.TrackBatch();
                if (object.sensor != null)
                    if (typeof object.sensor !== "string" || object.sensor.length)
                        message.sensor = $String(object.sensor);
                if (object.tracks) {
                    if (!$Array.isArray(object.tracks))
                        throw $TypeError(".lookout.v1.TrackBatch.tracks: array expected");
                    message.tracks = $Array(object.tracks.length);
                    for (let i = 0; i < object.tracks.length; ++i) {
                        if (!$util.isObject(object.tracks[i]))
                            throw $TypeError(".lookout.v1.TrackBatch.tracks: object expected");
                        message.tracks[i] = $root.lookout.v1.Track.fromObject(object.tracks[i], _depth + 1);
                    }
                }
                return message;
            };

            /**
             * Creates a plain object from a TrackBatch message. Also converts values to other types if specified.
             * @function toObject
             * @memberof lookout.v1.TrackBatch
             * @static
             * @param {lookout.v1.TrackBatch} message TrackBatch
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            TrackBatch.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.arrays || options.defaults)
                    object.tracks = [];
                if (options.defaults)
                    object.sensor = "";
                if (message.sensor != null && $Object.hasOwnProperty.call(message, "sensor"))
                    object.sensor = message.sensor;
                if (message.tracks && message.tracks.length) {
                    object.tracks = $Array(message.tracks.length);
                    for (let j = 0; j < message.tracks.length; ++j)
                        object.tracks[j] = $root.lookout.v1.Track.toObject(message.tracks[j], options, _depth + 1);
                }
                return object;
            };

            /**
             * Converts this TrackBatch to JSON.
             * @function toJSON
             * @memberof lookout.v1.TrackBatch
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            TrackBatch.prototype.toJSON = function() {
                return TrackBatch.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for TrackBatch
             * @function getTypeUrl
             * @memberof lookout.v1.TrackBatch
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            TrackBatch.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/lookout.v1.TrackBatch";
            };

            return TrackBatch;
        })();

        v1.Track = (function() {

            /**
             * Properties of a Track.
             * @typedef {Object} lookout.v1.Track.$Properties
             * @property {number|null} [id] Track id
             * @property {number|null} [timeUs] Track timeUs
             * @property {number|null} [latE7] Track latE7
             * @property {number|null} [lonE7] Track lonE7
             * @property {number|null} [speedCms] Track speedCms
             * @property {number|null} [courseB16] Track courseB16
             * @property {number|null} [rangeDm] Track rangeDm
             * @property {number|null} [bearingB16] Track bearingB16
             * @property {number|null} [hits] Track hits
             * @property {number|null} [status] Track status
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Track.
             * @memberof lookout.v1
             * @interface ITrack
             * @augments lookout.v1.Track.$Properties
             * @deprecated Use lookout.v1.Track.$Properties instead.
             */

            /**
             * Shape of a Track.
             * @typedef {lookout.v1.Track.$Properties} lookout.v1.Track.$Shape
             */

            /**
             * Constructs a new Track.
             * @memberof lookout.v1
             * @classdesc Represents a Track.
             * @constructor
             * @param {lookout.v1.Track.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Track = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * Track id.
             * @member {number} id
             * @memberof lookout.v1.Track
             * @instance
             */
            Track.prototype.id = 0;

            /**
             * Track timeUs.
             * @member {number} timeUs
             * @memberof lookout.v1.Track
             * @instance
             */
            Track.prototype.timeUs = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Track latE7.
             * @member {number} latE7
             * @memberof lookout.v1.Track
             * @instance
             */
            Track.prototype.latE7 = 0;

            /**
             * Track lonE7.
             * @member {number} lonE7
             * @memberof lookout.v1.Track
             * @instance
             */
            Track.prototype.lonE7 = 0;

            /**
             * Track speedCms.
             * @member {number} speedCms
             * @memberof lookout.v1.Track
             * @instance
             */
            Track.prototype.speedCms = 0;

            /**
             * Track courseB16.
             * @member {number} courseB16
             * @memberof lookout.v1.Track
             * @instance
             */
            Track.prototype.courseB16 = 0;

            /**
             * Track rangeDm.
             * @member {number} rangeDm
             * @memberof lookout.v1.Track
             * @instance
             */
            Track.prototype.rangeDm = 0;

            /**
             * Track bearingB16.
             * @member {number} bearingB16
             * @memberof lookout.v1.Track
             * @instance
             */
            Track.prototype.bearingB16 = 0;

            /**
             * Track hits.
             * @member {number} hits
             * @memberof lookout.v1.Track
             * @instance
             */
            Track.prototype.hits = 0;

            /**
             * Track status.
             * @member {number} status
             * @memberof lookout.v1.Track
             * @instance
             */
            Track.prototype.status = 0;

            /**
             * Creates a new Track instance using the specified properties.
             * @function create
             * @memberof lookout.v1.Track
             * @static
             * @param {lookout.v1.Track.$Properties=} [properties] Properties to set
             * @returns {lookout.v1.Track} Track instance
             * @type {{
             *   (properties: lookout.v1.Track.$Shape): lookout.v1.Track & lookout.v1.Track.$Shape;
             *   (properties?: lookout.v1.Track.$Properties): lookout.v1.Track;
             * }}
             */
            Track.create = function(properties) {
                return new Track(properties);
            };

            /**
             * Encodes the specified Track message. Does not implicitly {@link lookout.v1.Track.verify|verify} messages.
             * @function encode
             * @memberof lookout.v1.Track
             * @static
             * @param {lookout.v1.Track.$Properties} message Track message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Track.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.id != null && $Object.hasOwnProperty.call(message, "id") && message.id !== 0)
                    writer.uint32(/* id 1, wireType 0 =*/8).uint32(message.id);
                if (message.timeUs != null && $Object.hasOwnProperty.call(message, "timeUs") && (typeof message.timeUs === "object" ? message.timeUs.low || message.timeUs.high : message.timeUs !== 0))
                    writer.uint32(/* id 2, wireType 0 =*/16).uint64(message.timeUs);
                if (message.latE7 != null && $Object.hasOwnProperty.call(message, "latE7") && message.latE7 !== 0)
                    writer.uint32(/* id 3, wireType 0 =*/24).sint32(message.latE7);
                if (message.lonE7 != null && $Object.hasOwnProperty.call(message, "lonE7") && message.lonE7 !== 0)
                    writer.uint32(/* id 4, wireType 0 =*/32).sint32(message.lonE7);
                if (message.speedCms != null && $Object.hasOwnProperty.call(message, "speedCms") && message.speedCms !== 0)
                    writer.uint32(/* id 5, wireType 0 =*/40).uint32(message.speedCms);
                if (message.courseB16 != null && $Object.hasOwnProperty.call(message, "courseB16") && message.courseB16 !== 0)
                    writer.uint32(/* id 6, wireType 0 =*/48).uint32(message.courseB16);
                if (message.rangeDm != null && $Object.hasOwnProperty.call(message, "rangeDm") && message.rangeDm !== 0)
                    writer.uint32(/* id 7, wireType 0 =*/56).uint32(message.rangeDm);
                if (message.bearingB16 != null && $Object.hasOwnProperty.call(message, "bearingB16") && message.bearingB16 !== 0)
                    writer.uint32(/* id 8, wireType 0 =*/64).uint32(message.bearingB16);
                if (message.hits != null && $Object.hasOwnProperty.call(message, "hits") && message.hits !== 0)
                    writer.uint32(/* id 9, wireType 0 =*/72).uint32(message.hits);
                if (message.status != null && $Object.hasOwnProperty.call(message, "status") && message.status !== 0)
                    writer.uint32(/* id 10, wireType 0 =*/80).uint32(message.status);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Encodes the specified Track message, length delimited. Does not implicitly {@link lookout.v1.Track.verify|verify} messages.
             * @function encodeDelimited
             * @memberof lookout.v1.Track
             * @static
             * @param {lookout.v1.Track.$Properties} message Track message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Track.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a Track message from the specified reader or buffer.
             * @function decode
             * @memberof lookout.v1.Track
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {lookout.v1.Track & lookout.v1.Track.$Shape} Track
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Track.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.lookout.v1.Track();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.id = value;
                            else
                                delete message.id;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.timeUs = value;
                            else
                                delete message.timeUs;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.sint32())
                                message.latE7 = value;
                            else
                                delete message.latE7;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.sint32())
                                message.lonE7 = value;
                            else
                                delete message.lonE7;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.speedCms = value;
                            else
                                delete message.speedCms;
                            continue;
                        }
                    case 6: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.courseB16 = value;
                            else
                                delete message.courseB16;
                            continue;
                        }
                    case 7: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.rangeDm = value;
                            else
                                delete message.rangeDm;
                            continue;
                        }
                    case 8: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.bearingB16 = value;
                            else
                                delete message.bearingB16;
                            continue;
                        }
                    case 9: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.hits = value;
                            else
                                delete message.hits;
                            continue;
                        }
                    case 10: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.status = value;
                            else
                                delete message.status;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Decodes a Track message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof lookout.v1.Track
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {lookout.v1.Track & lookout.v1.Track.$Shape} Track
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Track.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a Track message.
             * @function verify
             * @memberof lookout.v1.Track
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            Track.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.id != null && $Object.hasOwnProperty.call(message, "id"))
                    if (!$util.isInteger(message.id))
                        return "id: integer expected";
                if (message.timeUs != null && $Object.hasOwnProperty.call(message, "timeUs"))
                    if (!$util.isInteger(message.timeUs) && !(message.timeUs && $util.isInteger(message.timeUs.low) && $util.isInteger(message.timeUs.high)))
                        return "timeUs: integer|Long expected";
                if (message.latE7 != null && $Object.hasOwnProperty.call(message, "latE7"))
                    if (!$util.isInteger(message.latE7))
                        return "latE7: integer expected";
                if (message.lonE7 != null && $Object.hasOwnProperty.call(message, "lonE7"))
                    if (!$util.isInteger(message.lonE7))
                        return "lonE7: integer expected";
                if (message.speedCms != null && $Object.hasOwnProperty.call(message, "speedCms"))
                    if (!$util.isInteger(message.speedCms))
                        return "speedCms: integer expected";
                if (message.courseB16 != null && $Object.hasOwnProperty.call(message, "courseB16"))
                    if (!$util.isInteger(message.courseB16))
                        return "courseB16: integer expected";
                if (message.rangeDm != null && $Object.hasOwnProperty.call(message, "rangeDm"))
                    if (!$util.isInteger(message.rangeDm))
                        return "rangeDm: integer expected";
                if (message.bearingB16 != null && $Object.hasOwnProperty.call(message, "bearingB16"))
                    if (!$util.isInteger(message.bearingB16))
                        return "bearingB16: integer expected";
                if (message.hits != null && $Object.hasOwnProperty.call(message, "hits"))
                    if (!$util.isInteger(message.hits))
                        return "hits: integer expected";
                if (message.status != null && $Object.hasOwnProperty.call(message, "status"))
                    if (!$util.isInteger(message.status))
                        return "status: integer expected";
                return null;
            };

            /**
             * Creates a Track message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof lookout.v1.Track
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {lookout.v1.Track} Track
             */
            Track.fromObject = function (object, _depth) {
                if (object instanceof $root.lookout.v1.Track)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".lookout.v1.Track: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.lookout.v1.Track();
                if (object.id != null)
                    if ($Number(object.id) !== 0)
                        message.id = object.id >>> 0;
                if (object.timeUs != null)
                    if (typeof object.timeUs === "object" ? object.timeUs.low || object.timeUs.high : $Number(object.timeUs) !== 0)
                        if ($util.Long)
                            message.timeUs = $util.Long.fromValue(object.timeUs, true);
                        else if (typeof object.timeUs === "string")
                            message.timeUs = $parseInt(object.timeUs, 10);
                        else if (typeof object.timeUs === "number")
                            message.timeUs = object.timeUs;
                        else if (typeof object.timeUs === "object")
                            message.timeUs = new $util.LongBits(object.timeUs.low >>> 0, object.timeUs.high >>> 0).toNumber(true);
                if (object.latE7 != null)
                    if ($Number(object.latE7) !== 0)
                        message.latE7 = object.latE7 | 0;
                if (object.lonE7 != null)
                    if ($Number(object.lonE7) !== 0)
                        message.lonE7 = object.lonE7 | 0;
                if (object.speedCms != null)
                    if ($Number(object.speedCms) !== 0)
                        message.speedCms = object.speedCms >>> 0;
                if (object.courseB16 != null)
                    if ($Number(object.courseB16) !== 0)
                        message.courseB16 = object.courseB16 >>> 0;
                if (object.rangeDm != null)
                    if ($Number(object.rangeDm) !== 0)
                        message.rangeDm = object.rangeDm >>> 0;
                if (object.bearingB16 != null)
                    if ($Number(object.bearingB16) !== 0)
                        message.bearingB16 = object.bearingB16 >>> 0;
                if (object.hits != null)
                    if ($Number(object.hits) !== 0)
                        message.hits = object.hits >>> 0;
                if (object.status != null)
                    if ($Number(object.status) !== 0)
                        message.status = object.status >>> 0;
                return message;
            };

            /**
             * Creates a plain object from a Track message. Also converts values to other types if specified.
             * @function toObject
             * @memberof lookout.v1.Track
             * @static
             * @param {lookout.v1.Track} message Track
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            Track.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.id = 0;
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.timeUs = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.timeUs = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    object.latE7 = 0;
                    object.lonE7 = 0;
                    object.speedCms = 0;
                    object.courseB16 = 0;
                    object.rangeDm = 0;
                    object.bearingB16 = 0;
                    object.hits = 0;
                    object.status = 0;
                }
                if (message.id != null && $Object.hasOwnProperty.call(message, "id"))
                    object.id = message.id;
                if (message.timeUs != null && $Object.hasOwnProperty.call(message, "timeUs"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.timeUs = typeof message.timeUs === "number" ? $BigInt(message.timeUs) : $util.Long.fromBits(message.timeUs.low >>> 0, message.timeUs.high >>> 0, true).toBigInt();
                    else if (typeof message.timeUs === "number")
                        object.timeUs = options.longs === $String ? $String(message.timeUs) : message.timeUs;
                    else
                        object.timeUs = options.longs === $String ? $util.Long.prototype.toString.call(message.timeUs) : options.longs === $Number ? new $util.LongBits(message.timeUs.low >>> 0, message.timeUs.high >>> 0).toNumber(true) : message.timeUs;
                if (message.latE7 != null && $Object.hasOwnProperty.call(message, "latE7"))
                    object.latE7 = message.latE7;
                if (message.lonE7 != null && $Object.hasOwnProperty.call(message, "lonE7"))
                    object.lonE7 = message.lonE7;
                if (message.speedCms != null && $Object.hasOwnProperty.call(message, "speedCms"))
                    object.speedCms = message.speedCms;
                if (message.courseB16 != null && $Object.hasOwnProperty.call(message, "courseB16"))
                    object.courseB16 = message.courseB16;
                if (message.rangeDm != null && $Object.hasOwnProperty.call(message, "rangeDm"))
                    object.rangeDm = message.rangeDm;
                if (message.bearingB16 != null && $Object.hasOwnProperty.call(message, "bearingB16"))
                    object.bearingB16 = message.bearingB16;
                if (message.hits != null && $Object.hasOwnProperty.call(message, "hits"))
                    object.hits = message.hits;
                if (message.status != null && $Object.hasOwnProperty.call(message, "status"))
                    object.status = message.status;
                return object;
            };

            /**
             * Converts this Track to JSON.
             * @function toJSON
             * @memberof lookout.v1.Track
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            Track.prototype.toJSON = function() {
                return Track.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for Track
             * @function getTypeUrl
             * @memberof lookout.v1.Track
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            Track.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/lookout.v1.Track";
            };

            return Track;
        })();

        /**
         * Severity enum.
         * @name lookout.v1.Severity
         * @enum {number}
         * @property {number} SEVERITY_UNSPECIFIED=0 SEVERITY_UNSPECIFIED value
         * @property {number} SEVERITY_INFO=1 SEVERITY_INFO value
         * @property {number} SEVERITY_WARNING=2 SEVERITY_WARNING value
         * @property {number} SEVERITY_CRITICAL=3 SEVERITY_CRITICAL value
         */
        v1.Severity = (function() {
            const valuesById = $Object.create(null), values = $Object.create(valuesById);
            values[valuesById[0] = "SEVERITY_UNSPECIFIED"] = 0;
            values[valuesById[1] = "SEVERITY_INFO"] = 1;
            values[valuesById[2] = "SEVERITY_WARNING"] = 2;
            values[valuesById[3] = "SEVERITY_CRITICAL"] = 3;
            return values;
        })();

        v1.Alert = (function() {

            /**
             * Properties of an Alert.
             * @typedef {Object} lookout.v1.Alert.$Properties
             * @property {lookout.v1.Severity|null} [severity] Alert severity
             * @property {string|null} [code] Alert code
             * @property {string|null} [message] Alert message
             * @property {Object.<string,string>|null} [details] Alert details
             * @property {number|null} [trackId] Alert trackId
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of an Alert.
             * @memberof lookout.v1
             * @interface IAlert
             * @augments lookout.v1.Alert.$Properties
             * @deprecated Use lookout.v1.Alert.$Properties instead.
             */

            /**
             * Shape of an Alert.
             * @typedef {lookout.v1.Alert.$Properties} lookout.v1.Alert.$Shape
             */

            /**
             * Constructs a new Alert.
             * @memberof lookout.v1
             * @classdesc Represents an Alert.
             * @constructor
             * @param {lookout.v1.Alert.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Alert = function (properties) {
                this.details = {};
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * Alert severity.
             * @member {lookout.v1.Severity} severity
             * @memberof lookout.v1.Alert
             * @instance
             */
            Alert.prototype.severity = 0;

            /**
             * Alert code.
             * @member {string} code
             * @memberof lookout.v1.Alert
             * @instance
             */
            Alert.prototype.code = "";

            /**
             * Alert message.
             * @member {string} message
             * @memberof lookout.v1.Alert
             * @instance
             */
            Alert.prototype.message = "";

            /**
             * Alert details.
             * @member {Object.<string,string>} details
             * @memberof lookout.v1.Alert
             * @instance
             */
            Alert.prototype.details = $util.emptyObject;

            /**
             * Alert trackId.
             * @member {number} trackId
             * @memberof lookout.v1.Alert
             * @instance
             */
            Alert.prototype.trackId = 0;

            /**
             * Creates a new Alert instance using the specified properties.
             * @function create
             * @memberof lookout.v1.Alert
             * @static
             * @param {lookout.v1.Alert.$Properties=} [properties] Properties to set
             * @returns {lookout.v1.Alert} Alert instance
             * @type {{
             *   (properties: lookout.v1.Alert.$Shape): lookout.v1.Alert & lookout.v1.Alert.$Shape;
             *   (properties?: lookout.v1.Alert.$Properties): lookout.v1.Alert;
             * }}
             */
            Alert.create = function(properties) {
                return new Alert(properties);
            };

            /**
             * Encodes the specified Alert message. Does not implicitly {@link lookout.v1.Alert.verify|verify} messages.
             * @function encode
             * @memberof lookout.v1.Alert
             * @static
             * @param {lookout.v1.Alert.$Properties} message Alert message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Alert.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.severity != null && $Object.hasOwnProperty.call(message, "severity") && message.severity !== 0)
                    writer.uint32(/* id 1, wireType 0 =*/8).int32(message.severity);
                if (message.code != null && $Object.hasOwnProperty.call(message, "code") && message.code !== "")
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.code);
                if (message.message != null && $Object.hasOwnProperty.call(message, "message") && message.message !== "")
                    writer.uint32(/* id 3, wireType 2 =*/26).string(message.message);
                if (message.details != null && $Object.hasOwnProperty.call(message, "details"))
                    for (let keys = $Object.keys(message.details), i = 0; i < keys.length; ++i)
                        writer.uint32(/* id 4, wireType 2 =*/34).fork().uint32(/* id 1, wireType 2 =*/10).string(keys[i]).uint32(/* id 2, wireType 2 =*/18).string(message.details[keys[i]]).ldelim();
                if (message.trackId != null && $Object.hasOwnProperty.call(message, "trackId") && message.trackId !== 0)
                    writer.uint32(/* id 5, wireType 0 =*/40).uint32(message.trackId);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Encodes the specified Alert message, length delimited. Does not implicitly {@link lookout.v1.Alert.verify|verify} messages.
             * @function encodeDelimited
             * @memberof lookout.v1.Alert
             * @static
             * @param {lookout.v1.Alert.$Properties} message Alert message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Alert.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes an Alert message from the specified reader or buffer.
             * @function decode
             * @memberof lookout.v1.Alert
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {lookout.v1.Alert & lookout.v1.Alert.$Shape} Alert
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Alert.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, key, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.lookout.v1.Alert();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.severity = value;
                            else
                                delete message.severity;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.code = value;
                            else
                                delete message.code;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.message = value;
                            else
                                delete message.message;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            if (message.details === $util.emptyObject)
                                message.details = {};
                            let end2 = reader.size() + reader.pos;
                            if (end2 > reader.len)
                                throw $RangeError("index out of range");
                            reader.len = end2;
                            key = "";
                            value = "";
                            while (reader.pos < end2) {
                                let tag2 = reader.tag();
                                wireType = tag2 & 7;
                                switch (tag2 >>>= 3) {
                                case 1:
                                    if (wireType !== 2)
                                        break;
                                    key = reader.stringVerify();
                                    continue;
                                case 2:
                                    if (wireType !== 2)
                                        break;
                                    value = reader.stringVerify();
                                    continue;
                                }
                                reader.skipType(wireType, _depth, tag2);
                            }
                            if (reader.pos !== end2)
                                throw $RangeError("index out of range");
                            reader.len = end;
                            if (key === "__proto__")
                                $util.makeProp(message.details, key);
                            message.details[key] = value;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.trackId = value;
                            else
                                delete message.trackId;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Decodes an Alert message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof lookout.v1.Alert
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {lookout.v1.Alert & lookout.v1.Alert.$Shape} Alert
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Alert.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies an Alert message.
             * @function verify
             * @memberof lookout.v1.Alert
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            Alert.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.severity != null && $Object.hasOwnProperty.call(message, "severity"))
                    if (typeof message.severity !== "number" || (message.severity | 0) !== message.severity)
                        return "severity: enum value expected";
                if (message.code != null && $Object.hasOwnProperty.call(message, "code"))
                    if (!$util.isString(message.code))
                        return "code: string expected";
                if (message.message != null && $Object.hasOwnProperty.call(message, "message"))
                    if (!$util.isString(message.message))
                        return "message: string expected";
                if (message.details != null && $Object.hasOwnProperty.call(message, "details")) {
                    if (!$util.isObject(message.details))
                        return "details: object expected";
                    let key = $Object.keys(message.details);
                    for (let i = 0; i < key.length; ++i)
                        if (!$util.isString(message.details[key[i]]))
                            return "details: string{k:string} expected";
                }
                if (message.trackId != null && $Object.hasOwnProperty.call(message, "trackId"))
                    if (!$util.isInteger(message.trackId))
                        return "trackId: integer expected";
                return null;
            };

            /**
             * Creates an Alert message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof lookout.v1.Alert
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {lookout.v1.Alert} Alert
             */
            Alert.fromObject = function (object, _depth) {
                if (object instanceof $root.lookout.v1.Alert)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".lookout.v1.Alert: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.lookout.v1.Alert();
                if (object.severity !== 0 && (typeof object.severity !== "string" || $root.lookout.v1.Severity[object.severity] !== 0))
                    switch (object.severity) {
                    case "SEVERITY_UNSPECIFIED":
                    case 0:
                        message.severity = 0;
                        break;
                    case "SEVERITY_INFO":
                    case 1:
                        message.severity = 1;
                        break;
                    case "SEVERITY_WARNING":
                    case 2:
                        message.severity = 2;
                        break;
                    case "SEVERITY_CRITICAL":
                    case 3:
                        message.severity = 3;
                        break;
                    default:
                        if (typeof object.severity === "number" && (object.severity | 0) === object.severity)
                            message.severity = object.severity;
                    }
                if (object.code != null)
                    if (typeof object.code !== "string" || object.code.length)
                        message.code = $String(object.code);
                if (object.message != null)
                    if (typeof object.message !== "string" || object.message.length)
                        message.message = $String(object.message);
                if (object.details) {
                    if (!$util.isObject(object.details))
                        throw $TypeError(".lookout.v1.Alert.details: object expected");
                    message.details = {};
                    for (let keys = $Object.keys(object.details), i = 0; i < keys.length; ++i) {
                        if (keys[i] === "__proto__")
                            $util.makeProp(message.details, keys[i]);
                        message.details[keys[i]] = $String(object.details[keys[i]]);
                    }
                }
                if (object.trackId != null)
                    if ($Number(object.trackId) !== 0)
                        message.trackId = object.trackId >>> 0;
                return message;
            };

            /**
             * Creates a plain object from an Alert message. Also converts values to other types if specified.
             * @function toObject
             * @memberof lookout.v1.Alert
             * @static
             * @param {lookout.v1.Alert} message Alert
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            Alert.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.objects || options.defaults)
                    object.details = {};
                if (options.defaults) {
                    object.severity = options.enums === $String ? "SEVERITY_UNSPECIFIED" : 0;
                    object.code = "";
                    object.message = "";
                    object.trackId = 0;
                }
                if (message.severity != null && $Object.hasOwnProperty.call(message, "severity"))
                    object.severity = options.enums === $String ? $root.lookout.v1.Severity[message.severity] === $undefined ? message.severity : $root.lookout.v1.Severity[message.severity] : message.severity;
                if (message.code != null && $Object.hasOwnProperty.call(message, "code"))
                    object.code = message.code;
                if (message.message != null && $Object.hasOwnProperty.call(message, "message"))
                    object.message = message.message;
                let keys2;
                if (message.details && (keys2 = $Object.keys(message.details)).length) {
                    object.details = {};
                    for (let j = 0; j < keys2.length; ++j) {
                        if (keys2[j] === "__proto__")
                            $util.makeProp(object.details, keys2[j]);
                        object.details[keys2[j]] = message.details[keys2[j]];
                    }
                }
                if (message.trackId != null && $Object.hasOwnProperty.call(message, "trackId"))
                    object.trackId = message.trackId;
                return object;
            };

            /**
             * Converts this Alert to JSON.
             * @function toJSON
             * @memberof lookout.v1.Alert
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            Alert.prototype.toJSON = function() {
                return Alert.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for Alert
             * @function getTypeUrl
             * @memberof lookout.v1.Alert
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            Alert.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/lookout.v1.Alert";
            };

            return Alert;
        })();

        v1.Status = (function() {

            /**
             * Properties of a Status.
             * @typedef {Object} lookout.v1.Status.$Properties
             * @property {number|null} [spokesPerSecond] Status spokesPerSecond
             * @property {number|null} [plotsPerScan] Status plotsPerScan
             * @property {number|null} [outboxDepth] Status outboxDepth
             * @property {number|null} [outboxBytes] Status outboxBytes
             * @property {number|null} [published] Status published
             * @property {number|null} [dropped] Status dropped
             * @property {number|null} [thinned] Status thinned
             * @property {number|null} [uptimeS] Status uptimeS
             * @property {Object.<string,number>|null} [counters] Status counters
             * @property {Object.<string,number>|null} [gauges] Status gauges
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Status.
             * @memberof lookout.v1
             * @interface IStatus
             * @augments lookout.v1.Status.$Properties
             * @deprecated Use lookout.v1.Status.$Properties instead.
             */

            /**
             * Shape of a Status.
             * @typedef {lookout.v1.Status.$Properties} lookout.v1.Status.$Shape
             */

            /**
             * Constructs a new Status.
             * @memberof lookout.v1
             * @classdesc Represents a Status.
             * @constructor
             * @param {lookout.v1.Status.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Status = function (properties) {
                this.counters = {};
                this.gauges = {};
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * Status spokesPerSecond.
             * @member {number} spokesPerSecond
             * @memberof lookout.v1.Status
             * @instance
             */
            Status.prototype.spokesPerSecond = 0;

            /**
             * Status plotsPerScan.
             * @member {number} plotsPerScan
             * @memberof lookout.v1.Status
             * @instance
             */
            Status.prototype.plotsPerScan = 0;

            /**
             * Status outboxDepth.
             * @member {number} outboxDepth
             * @memberof lookout.v1.Status
             * @instance
             */
            Status.prototype.outboxDepth = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Status outboxBytes.
             * @member {number} outboxBytes
             * @memberof lookout.v1.Status
             * @instance
             */
            Status.prototype.outboxBytes = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Status published.
             * @member {number} published
             * @memberof lookout.v1.Status
             * @instance
             */
            Status.prototype.published = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Status dropped.
             * @member {number} dropped
             * @memberof lookout.v1.Status
             * @instance
             */
            Status.prototype.dropped = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Status thinned.
             * @member {number} thinned
             * @memberof lookout.v1.Status
             * @instance
             */
            Status.prototype.thinned = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Status uptimeS.
             * @member {number} uptimeS
             * @memberof lookout.v1.Status
             * @instance
             */
            Status.prototype.uptimeS = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Status counters.
             * @member {Object.<string,number>} counters
             * @memberof lookout.v1.Status
             * @instance
             */
            Status.prototype.counters = $util.emptyObject;

            /**
             * Status gauges.
             * @member {Object.<string,number>} gauges
             * @memberof lookout.v1.Status
             * @instance
             */
            Status.prototype.gauges = $util.emptyObject;

            /**
             * Creates a new Status instance using the specified properties.
             * @function create
             * @memberof lookout.v1.Status
             * @static
             * @param {lookout.v1.Status.$Properties=} [properties] Properties to set
             * @returns {lookout.v1.Status} Status instance
             * @type {{
             *   (properties: lookout.v1.Status.$Shape): lookout.v1.Status & lookout.v1.Status.$Shape;
             *   (properties?: lookout.v1.Status.$Properties): lookout.v1.Status;
             * }}
             */
            Status.create = function(properties) {
                return new Status(properties);
            };

            /**
             * Encodes the specified Status message. Does not implicitly {@link lookout.v1.Status.verify|verify} messages.
             * @function encode
             * @memberof lookout.v1.Status
             * @static
             * @param {lookout.v1.Status.$Properties} message Status message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Status.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.spokesPerSecond != null && $Object.hasOwnProperty.call(message, "spokesPerSecond") && !$Object.is(message.spokesPerSecond, 0))
                    writer.uint32(/* id 1, wireType 5 =*/13).float(message.spokesPerSecond);
                if (message.plotsPerScan != null && $Object.hasOwnProperty.call(message, "plotsPerScan") && !$Object.is(message.plotsPerScan, 0))
                    writer.uint32(/* id 2, wireType 5 =*/21).float(message.plotsPerScan);
                if (message.outboxDepth != null && $Object.hasOwnProperty.call(message, "outboxDepth") && (typeof message.outboxDepth === "object" ? message.outboxDepth.low || message.outboxDepth.high : message.outboxDepth !== 0))
                    writer.uint32(/* id 3, wireType 0 =*/24).uint64(message.outboxDepth);
                if (message.outboxBytes != null && $Object.hasOwnProperty.call(message, "outboxBytes") && (typeof message.outboxBytes === "object" ? message.outboxBytes.low || message.outboxBytes.high : message.outboxBytes !== 0))
                    writer.uint32(/* id 4, wireType 0 =*/32).uint64(message.outboxBytes);
                if (message.published != null && $Object.hasOwnProperty.call(message, "published") && (typeof message.published === "object" ? message.published.low || message.published.high : message.published !== 0))
                    writer.uint32(/* id 5, wireType 0 =*/40).uint64(message.published);
                if (message.dropped != null && $Object.hasOwnProperty.call(message, "dropped") && (typeof message.dropped === "object" ? message.dropped.low || message.dropped.high : message.dropped !== 0))
                    writer.uint32(/* id 6, wireType 0 =*/48).uint64(message.dropped);
                if (message.thinned != null && $Object.hasOwnProperty.call(message, "thinned") && (typeof message.thinned === "object" ? message.thinned.low || message.thinned.high : message.thinned !== 0))
                    writer.uint32(/* id 7, wireType 0 =*/56).uint64(message.thinned);
                if (message.uptimeS != null && $Object.hasOwnProperty.call(message, "uptimeS") && (typeof message.uptimeS === "object" ? message.uptimeS.low || message.uptimeS.high : message.uptimeS !== 0))
                    writer.uint32(/* id 8, wireType 0 =*/64).uint64(message.uptimeS);
                if (message.counters != null && $Object.hasOwnProperty.call(message, "counters"))
                    for (let keys = $Object.keys(message.counters), i = 0; i < keys.length; ++i)
                        writer.uint32(/* id 9, wireType 2 =*/74).fork().uint32(/* id 1, wireType 2 =*/10).string(keys[i]).uint32(/* id 2, wireType 0 =*/16).uint64(message.counters[keys[i]]).ldelim();
                if (message.gauges != null && $Object.hasOwnProperty.call(message, "gauges"))
                    for (let keys = $Object.keys(message.gauges), i = 0; i < keys.length; ++i)
                        writer.uint32(/* id 10, wireType 2 =*/82).fork().uint32(/* id 1, wireType 2 =*/10).string(keys[i]).uint32(/* id 2, wireType 1 =*/17).double(message.gauges[keys[i]]).ldelim();
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Encodes the specified Status message, length delimited. Does not implicitly {@link lookout.v1.Status.verify|verify} messages.
             * @function encodeDelimited
             * @memberof lookout.v1.Status
             * @static
             * @param {lookout.v1.Status.$Properties} message Status message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Status.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a Status message from the specified reader or buffer.
             * @function decode
             * @memberof lookout.v1.Status
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {lookout.v1.Status & lookout.v1.Status.$Shape} Status
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Status.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, key, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.lookout.v1.Status();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 5)
                                break;
                            if (!$Object.is(value = reader.float(), 0))
                                message.spokesPerSecond = value;
                            else
                                delete message.spokesPerSecond;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 5)
                                break;
                            if (!$Object.is(value = reader.float(), 0))
                                message.plotsPerScan = value;
                            else
                                delete message.plotsPerScan;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.outboxDepth = value;
                            else
                                delete message.outboxDepth;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.outboxBytes = value;
                            else
                                delete message.outboxBytes;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.published = value;
                            else
                                delete message.published;
                            continue;
                        }
                    case 6: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.dropped = value;
                            else
                                delete message.dropped;
                            continue;
                        }
                    case 7: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.thinned = value;
                            else
                                delete message.thinned;
                            continue;
                        }
                    case 8: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.uptimeS = value;
                            else
                                delete message.uptimeS;
                            continue;
                        }
                    case 9: {
                            if (wireType !== 2)
                                break;
                            if (message.counters === $util.emptyObject)
                                message.counters = {};
                            let end2 = reader.size() + reader.pos;
                            if (end2 > reader.len)
                                throw $RangeError("index out of range");
                            reader.len = end2;
                            key = "";
                            value = $util.Long ? $util.Long.fromNumber(0, true) : 0;
                            while (reader.pos < end2) {
                                let tag2 = reader.tag();
                                wireType = tag2 & 7;
                                switch (tag2 >>>= 3) {
                                case 1:
                                    if (wireType !== 2)
                                        break;
                                    key = reader.stringVerify();
                                    continue;
                                case 2:
                                    if (wireType !== 0)
                                        break;
                                    value = reader.uint64();
                                    continue;
                                }
                                reader.skipType(wireType, _depth, tag2);
                            }
                            if (reader.pos !== end2)
                                throw $RangeError("index out of range");
                            reader.len = end;
                            if (key === "__proto__")
                                $util.makeProp(message.counters, key);
                            message.counters[key] = value;
                            continue;
                        }
                    case 10: {
                            if (wireType !== 2)
                                break;
                            if (message.gauges === $util.emptyObject)
                                message.gauges = {};
                            let end2 = reader.size() + reader.pos;
                            if (end2 > reader.len)
                                throw $RangeError("index out of range");
                            reader.len = end2;
                            key = "";
                            value = 0;
                            while (reader.pos < end2) {
                                let tag2 = reader.tag();
                                wireType = tag2 & 7;
                                switch (tag2 >>>= 3) {
                                case 1:
                                    if (wireType !== 2)
                                        break;
                                    key = reader.stringVerify();
                                    continue;
                                case 2:
                                    if (wireType !== 1)
                                        break;
                                    value = reader.double();
                                    continue;
                                }
                                reader.skipType(wireType, _depth, tag2);
                            }
                            if (reader.pos !== end2)
                                throw $RangeError("index out of range");
                            reader.len = end;
                            if (key === "__proto__")
                                $util.makeProp(message.gauges, key);
                            message.gauges[key] = value;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Decodes a Status message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof lookout.v1.Status
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {lookout.v1.Status & lookout.v1.Status.$Shape} Status
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Status.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a Status message.
             * @function verify
             * @memberof lookout.v1.Status
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            Status.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.spokesPerSecond != null && $Object.hasOwnProperty.call(message, "spokesPerSecond"))
                    if (typeof message.spokesPerSecond !== "number")
                        return "spokesPerSecond: number expected";
                if (message.plotsPerScan != null && $Object.hasOwnProperty.call(message, "plotsPerScan"))
                    if (typeof message.plotsPerScan !== "number")
                        return "plotsPerScan: number expected";
                if (message.outboxDepth != null && $Object.hasOwnProperty.call(message, "outboxDepth"))
                    if (!$util.isInteger(message.outboxDepth) && !(message.outboxDepth && $util.isInteger(message.outboxDepth.low) && $util.isInteger(message.outboxDepth.high)))
                        return "outboxDepth: integer|Long expected";
                if (message.outboxBytes != null && $Object.hasOwnProperty.call(message, "outboxBytes"))
                    if (!$util.isInteger(message.outboxBytes) && !(message.outboxBytes && $util.isInteger(message.outboxBytes.low) && $util.isInteger(message.outboxBytes.high)))
                        return "outboxBytes: integer|Long expected";
                if (message.published != null && $Object.hasOwnProperty.call(message, "published"))
                    if (!$util.isInteger(message.published) && !(message.published && $util.isInteger(message.published.low) && $util.isInteger(message.published.high)))
                        return "published: integer|Long expected";
                if (message.dropped != null && $Object.hasOwnProperty.call(message, "dropped"))
                    if (!$util.isInteger(message.dropped) && !(message.dropped && $util.isInteger(message.dropped.low) && $util.isInteger(message.dropped.high)))
                        return "dropped: integer|Long expected";
                if (message.thinned != null && $Object.hasOwnProperty.call(message, "thinned"))
                    if (!$util.isInteger(message.thinned) && !(message.thinned && $util.isInteger(message.thinned.low) && $util.isInteger(message.thinned.high)))
                        return "thinned: integer|Long expected";
                if (message.uptimeS != null && $Object.hasOwnProperty.call(message, "uptimeS"))
                    if (!$util.isInteger(message.uptimeS) && !(message.uptimeS && $util.isInteger(message.uptimeS.low) && $util.isInteger(message.uptimeS.high)))
                        return "uptimeS: integer|Long expected";
                if (message.counters != null && $Object.hasOwnProperty.call(message, "counters")) {
                    if (!$util.isObject(message.counters))
                        return "counters: object expected";
                    let key = $Object.keys(message.counters);
                    for (let i = 0; i < key.length; ++i)
                        if (!$util.isInteger(message.counters[key[i]]) && !(message.counters[key[i]] && $util.isInteger(message.counters[key[i]].low) && $util.isInteger(message.counters[key[i]].high)))
                            return "counters: integer|Long{k:string} expected";
                }
                if (message.gauges != null && $Object.hasOwnProperty.call(message, "gauges")) {
                    if (!$util.isObject(message.gauges))
                        return "gauges: object expected";
                    let key = $Object.keys(message.gauges);
                    for (let i = 0; i < key.length; ++i)
                        if (typeof message.gauges[key[i]] !== "number")
                            return "gauges: number{k:string} expected";
                }
                return null;
            };

            /**
             * Creates a Status message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof lookout.v1.Status
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {lookout.v1.Status} Status
             */
            Status.fromObject = function (object, _depth) {
                if (object instanceof $root.lookout.v1.Status)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".lookout.v1.Status: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.lookout.v1.Status();
                if (object.spokesPerSecond != null)
                    if (!$Object.is($Number(object.spokesPerSecond), 0))
                        message.spokesPerSecond = $Number(object.spokesPerSecond);
                if (object.plotsPerScan != null)
                    if (!$Object.is($Number(object.plotsPerScan), 0))
                        message.plotsPerScan = $Number(object.plotsPerScan);
                if (object.outboxDepth != null)
                    if (typeof object.outboxDepth === "object" ? object.outboxDepth.low || object.outboxDepth.high : $Number(object.outboxDepth) !== 0)
                        if ($util.Long)
                            message.outboxDepth = $util.Long.fromValue(object.outboxDepth, true);
                        else if (typeof object.outboxDepth === "string")
                            message.outboxDepth = $parseInt(object.outboxDepth, 10);
                        else if (typeof object.outboxDepth === "number")
                            message.outboxDepth = object.outboxDepth;
                        else if (typeof object.outboxDepth === "object")
                            message.outboxDepth = new $util.LongBits(object.outboxDepth.low >>> 0, object.outboxDepth.high >>> 0).toNumber(true);
                if (object.outboxBytes != null)
                    if (typeof object.outboxBytes === "object" ? object.outboxBytes.low || object.outboxBytes.high : $Number(object.outboxBytes) !== 0)
                        if ($util.Long)
                            message.outboxBytes = $util.Long.fromValue(object.outboxBytes, true);
                        else if (typeof object.outboxBytes === "string")
                            message.outboxBytes = $parseInt(object.outboxBytes, 10);
                        else if (typeof object.outboxBytes === "number")
                            message.outboxBytes = object.outboxBytes;
                        else if (typeof object.outboxBytes === "object")
                            message.outboxBytes = new $util.LongBits(object.outboxBytes.low >>> 0, object.outboxBytes.high >>> 0).toNumber(true);
                if (object.published != null)
                    if (typeof object.published === "object" ? object.published.low || object.published.high : $Number(object.published) !== 0)
                        if ($util.Long)
                            message.published = $util.Long.fromValue(object.published, true);
                        else if (typeof object.published === "string")
                            message.published = $parseInt(object.published, 10);
                        else if (typeof object.published === "number")
                            message.published = object.published;
                        else if (typeof object.published === "object")
                            message.published = new $util.LongBits(object.published.low >>> 0, object.published.high >>> 0).toNumber(true);
                if (object.dropped != null)
                    if (typeof object.dropped === "object" ? object.dropped.low || object.dropped.high : $Number(object.dropped) !== 0)
                        if ($util.Long)
                            message.dropped = $util.Long.fromValue(object.dropped, true);
                        else if (typeof object.dropped === "string")
                            message.dropped = $parseInt(object.dropped, 10);
                        else if (typeof object.dropped === "number")
                            message.dropped = object.dropped;
                        else if (typeof object.dropped === "object")
                            message.dropped = new $util.LongBits(object.dropped.low >>> 0, object.dropped.high >>> 0).toNumber(true);
                if (object.thinned != null)
                    if (typeof object.thinned === "object" ? object.thinned.low || object.thinned.high : $Number(object.thinned) !== 0)
                        if ($util.Long)
                            message.thinned = $util.Long.fromValue(object.thinned, true);
                        else if (typeof object.thinned === "string")
                            message.thinned = $parseInt(object.thinned, 10);
                        else if (typeof object.thinned === "number")
                            message.thinned = object.thinned;
                        else if (typeof object.thinned === "object")
                            message.thinned = new $util.LongBits(object.thinned.low >>> 0, object.thinned.high >>> 0).toNumber(true);
                if (object.uptimeS != null)
                    if (typeof object.uptimeS === "object" ? object.uptimeS.low || object.uptimeS.high : $Number(object.uptimeS) !== 0)
                        if ($util.Long)
                            message.uptimeS = $util.Long.fromValue(object.uptimeS, true);
                        else if (typeof object.uptimeS === "string")
                            message.uptimeS = $parseInt(object.uptimeS, 10);
                        else if (typeof object.uptimeS === "number")
                            message.uptimeS = object.uptimeS;
                        else if (typeof object.uptimeS === "object")
                            message.uptimeS = new $util.LongBits(object.uptimeS.low >>> 0, object.uptimeS.high >>> 0).toNumber(true);
                if (object.counters) {
                    if (!$util.isObject(object.counters))
                        throw $TypeError(".lookout.v1.Status.counters: object expected");
                    message.counters = {};
                    for (let keys = $Object.keys(object.counters), i = 0; i < keys.length; ++i) {
                        if (keys[i] === "__proto__")
                            $util.makeProp(message.counters, keys[i]);
                        if ($util.Long)
                            message.counters[keys[i]] = $util.Long.fromValue(object.counters[keys[i]], true);
                        else if (typeof object.counters[keys[i]] === "string")
                            message.counters[keys[i]] = $parseInt(object.counters[keys[i]], 10);
                        else if (typeof object.counters[keys[i]] === "number")
                            message.counters[keys[i]] = object.counters[keys[i]];
                        else if (typeof object.counters[keys[i]] === "object")
                            message.counters[keys[i]] = new $util.LongBits(object.counters[keys[i]].low >>> 0, object.counters[keys[i]].high >>> 0).toNumber(true);
                    }
                }
                if (object.gauges) {
                    if (!$util.isObject(object.gauges))
                        throw $TypeError(".lookout.v1.Status.gauges: object expected");
                    message.gauges = {};
                    for (let keys = $Object.keys(object.gauges), i = 0; i < keys.length; ++i) {
                        if (keys[i] === "__proto__")
                            $util.makeProp(message.gauges, keys[i]);
                        message.gauges[keys[i]] = $Number(object.gauges[keys[i]]);
                    }
                }
                return message;
            };

            /**
             * Creates a plain object from a Status message. Also converts values to other types if specified.
             * @function toObject
             * @memberof lookout.v1.Status
             * @static
             * @param {lookout.v1.Status} message Status
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            Status.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.objects || options.defaults) {
                    object.counters = {};
                    object.gauges = {};
                }
                if (options.defaults) {
                    object.spokesPerSecond = 0;
                    object.plotsPerScan = 0;
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.outboxDepth = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.outboxDepth = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.outboxBytes = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.outboxBytes = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.published = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.published = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.dropped = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.dropped = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.thinned = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.thinned = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.uptimeS = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.uptimeS = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                }
                if (message.spokesPerSecond != null && $Object.hasOwnProperty.call(message, "spokesPerSecond"))
                    object.spokesPerSecond = options.json && !$isFinite(message.spokesPerSecond) ? $String(message.spokesPerSecond) : message.spokesPerSecond;
                if (message.plotsPerScan != null && $Object.hasOwnProperty.call(message, "plotsPerScan"))
                    object.plotsPerScan = options.json && !$isFinite(message.plotsPerScan) ? $String(message.plotsPerScan) : message.plotsPerScan;
                if (message.outboxDepth != null && $Object.hasOwnProperty.call(message, "outboxDepth"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.outboxDepth = typeof message.outboxDepth === "number" ? $BigInt(message.outboxDepth) : $util.Long.fromBits(message.outboxDepth.low >>> 0, message.outboxDepth.high >>> 0, true).toBigInt();
                    else if (typeof message.outboxDepth === "number")
                        object.outboxDepth = options.longs === $String ? $String(message.outboxDepth) : message.outboxDepth;
                    else
                        object.outboxDepth = options.longs === $String ? $util.Long.prototype.toString.call(message.outboxDepth) : options.longs === $Number ? new $util.LongBits(message.outboxDepth.low >>> 0, message.outboxDepth.high >>> 0).toNumber(true) : message.outboxDepth;
                if (message.outboxBytes != null && $Object.hasOwnProperty.call(message, "outboxBytes"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.outboxBytes = typeof message.outboxBytes === "number" ? $BigInt(message.outboxBytes) : $util.Long.fromBits(message.outboxBytes.low >>> 0, message.outboxBytes.high >>> 0, true).toBigInt();
                    else if (typeof message.outboxBytes === "number")
                        object.outboxBytes = options.longs === $String ? $String(message.outboxBytes) : message.outboxBytes;
                    else
                        object.outboxBytes = options.longs === $String ? $util.Long.prototype.toString.call(message.outboxBytes) : options.longs === $Number ? new $util.LongBits(message.outboxBytes.low >>> 0, message.outboxBytes.high >>> 0).toNumber(true) : message.outboxBytes;
                if (message.published != null && $Object.hasOwnProperty.call(message, "published"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.published = typeof message.published === "number" ? $BigInt(message.published) : $util.Long.fromBits(message.published.low >>> 0, message.published.high >>> 0, true).toBigInt();
                    else if (typeof message.published === "number")
                        object.published = options.longs === $String ? $String(message.published) : message.published;
                    else
                        object.published = options.longs === $String ? $util.Long.prototype.toString.call(message.published) : options.longs === $Number ? new $util.LongBits(message.published.low >>> 0, message.published.high >>> 0).toNumber(true) : message.published;
                if (message.dropped != null && $Object.hasOwnProperty.call(message, "dropped"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.dropped = typeof message.dropped === "number" ? $BigInt(message.dropped) : $util.Long.fromBits(message.dropped.low >>> 0, message.dropped.high >>> 0, true).toBigInt();
                    else if (typeof message.dropped === "number")
                        object.dropped = options.longs === $String ? $String(message.dropped) : message.dropped;
                    else
                        object.dropped = options.longs === $String ? $util.Long.prototype.toString.call(message.dropped) : options.longs === $Number ? new $util.LongBits(message.dropped.low >>> 0, message.dropped.high >>> 0).toNumber(true) : message.dropped;
                if (message.thinned != null && $Object.hasOwnProperty.call(message, "thinned"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.thinned = typeof message.thinned === "number" ? $BigInt(message.thinned) : $util.Long.fromBits(message.thinned.low >>> 0, message.thinned.high >>> 0, true).toBigInt();
                    else if (typeof message.thinned === "number")
                        object.thinned = options.longs === $String ? $String(message.thinned) : message.thinned;
                    else
                        object.thinned = options.longs === $String ? $util.Long.prototype.toString.call(message.thinned) : options.longs === $Number ? new $util.LongBits(message.thinned.low >>> 0, message.thinned.high >>> 0).toNumber(true) : message.thinned;
                if (message.uptimeS != null && $Object.hasOwnProperty.call(message, "uptimeS"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.uptimeS = typeof message.uptimeS === "number" ? $BigInt(message.uptimeS) : $util.Long.fromBits(message.uptimeS.low >>> 0, message.uptimeS.high >>> 0, true).toBigInt();
                    else if (typeof message.uptimeS === "number")
                        object.uptimeS = options.longs === $String ? $String(message.uptimeS) : message.uptimeS;
                    else
                        object.uptimeS = options.longs === $String ? $util.Long.prototype.toString.call(message.uptimeS) : options.longs === $Number ? new $util.LongBits(message.uptimeS.low >>> 0, message.uptimeS.high >>> 0).toNumber(true) : message.uptimeS;
                let keys2;
                if (message.counters && (keys2 = $Object.keys(message.counters)).length) {
                    object.counters = {};
                    for (let j = 0; j < keys2.length; ++j) {
                        if (keys2[j] === "__proto__")
                            $util.makeProp(object.counters, keys2[j]);
                        if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                            object.counters[keys2[j]] = typeof message.counters[keys2[j]] === "number" ? $BigInt(message.counters[keys2[j]]) : $util.Long.fromBits(message.counters[keys2[j]].low >>> 0, message.counters[keys2[j]].high >>> 0, true).toBigInt();
                        else if (typeof message.counters[keys2[j]] === "number")
                            object.counters[keys2[j]] = options.longs === $String ? $String(message.counters[keys2[j]]) : message.counters[keys2[j]];
                        else
                            object.counters[keys2[j]] = options.longs === $String ? $util.Long.prototype.toString.call(message.counters[keys2[j]]) : options.longs === $Number ? new $util.LongBits(message.counters[keys2[j]].low >>> 0, message.counters[keys2[j]].high >>> 0).toNumber(true) : message.counters[keys2[j]];
                    }
                }
                if (message.gauges && (keys2 = $Object.keys(message.gauges)).length) {
                    object.gauges = {};
                    for (let j = 0; j < keys2.length; ++j) {
                        if (keys2[j] === "__proto__")
                            $util.makeProp(object.gauges, keys2[j]);
                        object.gauges[keys2[j]] = options.json && !$isFinite(message.gauges[keys2[j]]) ? $String(message.gauges[keys2[j]]) : message.gauges[keys2[j]];
                    }
                }
                return object;
            };

            /**
             * Converts this Status to JSON.
             * @function toJSON
             * @memberof lookout.v1.Status
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            Status.prototype.toJSON = function() {
                return Status.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for Status
             * @function getTypeUrl
             * @memberof lookout.v1.Status
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            Status.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/lookout.v1.Status";
            };

            return Status;
        })();

        /**
         * GapReason enum.
         * @name lookout.v1.GapReason
         * @enum {number}
         * @property {number} GAP_REASON_UNSPECIFIED=0 GAP_REASON_UNSPECIFIED value
         * @property {number} GAP_REASON_QUOTA=1 GAP_REASON_QUOTA value
         * @property {number} GAP_REASON_EXPIRED=2 GAP_REASON_EXPIRED value
         * @property {number} GAP_REASON_CORRUPT=3 GAP_REASON_CORRUPT value
         * @property {number} GAP_REASON_DISK_FULL=4 GAP_REASON_DISK_FULL value
         */
        v1.GapReason = (function() {
            const valuesById = $Object.create(null), values = $Object.create(valuesById);
            values[valuesById[0] = "GAP_REASON_UNSPECIFIED"] = 0;
            values[valuesById[1] = "GAP_REASON_QUOTA"] = 1;
            values[valuesById[2] = "GAP_REASON_EXPIRED"] = 2;
            values[valuesById[3] = "GAP_REASON_CORRUPT"] = 3;
            values[valuesById[4] = "GAP_REASON_DISK_FULL"] = 4;
            return values;
        })();

        v1.Gap = (function() {

            /**
             * Properties of a Gap.
             * @typedef {Object} lookout.v1.Gap.$Properties
             * @property {Array.<number>|null} [firstSeq] Gap firstSeq
             * @property {Array.<number>|null} [lastSeq] Gap lastSeq
             * @property {lookout.v1.GapReason|null} [reason] Gap reason
             * @property {number|null} [count] Gap count
             * @property {Array.<lookout.v1.Kind>|null} [kinds] Gap kinds
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Gap.
             * @memberof lookout.v1
             * @interface IGap
             * @augments lookout.v1.Gap.$Properties
             * @deprecated Use lookout.v1.Gap.$Properties instead.
             */

            /**
             * Shape of a Gap.
             * @typedef {lookout.v1.Gap.$Properties} lookout.v1.Gap.$Shape
             */

            /**
             * Constructs a new Gap.
             * @memberof lookout.v1
             * @classdesc Represents a Gap.
             * @constructor
             * @param {lookout.v1.Gap.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Gap = function (properties) {
                this.firstSeq = [];
                this.lastSeq = [];
                this.kinds = [];
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * Gap firstSeq.
             * @member {Array.<number>} firstSeq
             * @memberof lookout.v1.Gap
             * @instance
             */
            Gap.prototype.firstSeq = $util.emptyArray;

            /**
             * Gap lastSeq.
             * @member {Array.<number>} lastSeq
             * @memberof lookout.v1.Gap
             * @instance
             */
            Gap.prototype.lastSeq = $util.emptyArray;

            /**
             * Gap reason.
             * @member {lookout.v1.GapReason} reason
             * @memberof lookout.v1.Gap
             * @instance
             */
            Gap.prototype.reason = 0;

            /**
             * Gap count.
             * @member {number} count
             * @memberof lookout.v1.Gap
             * @instance
             */
            Gap.prototype.count = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Gap kinds.
             * @member {Array.<lookout.v1.Kind>} kinds
             * @memberof lookout.v1.Gap
             * @instance
             */
            Gap.prototype.kinds = $util.emptyArray;

            /**
             * Creates a new Gap instance using the specified properties.
             * @function create
             * @memberof lookout.v1.Gap
             * @static
             * @param {lookout.v1.Gap.$Properties=} [properties] Properties to set
             * @returns {lookout.v1.Gap} Gap instance
             * @type {{
             *   (properties: lookout.v1.Gap.$Shape): lookout.v1.Gap & lookout.v1.Gap.$Shape;
             *   (properties?: lookout.v1.Gap.$Properties): lookout.v1.Gap;
             * }}
             */
            Gap.create = function(properties) {
                return new Gap(properties);
            };

            /**
             * Encodes the specified Gap message. Does not implicitly {@link lookout.v1.Gap.verify|verify} messages.
             * @function encode
             * @memberof lookout.v1.Gap
             * @static
             * @param {lookout.v1.Gap.$Properties} message Gap message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Gap.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.firstSeq != null && message.firstSeq.length)
                    writer.uint32(/* id 1, wireType 2 =*/10).uint64s(message.firstSeq);
                if (message.lastSeq != null && message.lastSeq.length)
                    writer.uint32(/* id 2, wireType 2 =*/18).uint64s(message.lastSeq);
                if (message.reason != null && $Object.hasOwnProperty.call(message, "reason") && message.reason !== 0)
                    writer.uint32(/* id 3, wireType 0 =*/24).int32(message.reason);
                if (message.count != null && $Object.hasOwnProperty.call(message, "count") && (typeof message.count === "object" ? message.count.low || message.count.high : message.count !== 0))
                    writer.uint32(/* id 4, wireType 0 =*/32).uint64(message.count);
                if (message.kinds != null && message.kinds.length)
                    writer.uint32(/* id 5, wireType 2 =*/42).int32s(message.kinds);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Encodes the specified Gap message, length delimited. Does not implicitly {@link lookout.v1.Gap.verify|verify} messages.
             * @function encodeDelimited
             * @memberof lookout.v1.Gap
             * @static
             * @param {lookout.v1.Gap.$Properties} message Gap message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Gap.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a Gap message from the specified reader or buffer.
             * @function decode
             * @memberof lookout.v1.Gap
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {lookout.v1.Gap & lookout.v1.Gap.$Shape} Gap
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Gap.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.lookout.v1.Gap();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType === 2) {
                                if (!(message.firstSeq && message.firstSeq.length))
                                    message.firstSeq = [];
                                reader.uint64s(message.firstSeq);
                                continue;
                            }
                            if (wireType !== 0)
                                break;
                            if (!(message.firstSeq && message.firstSeq.length))
                                message.firstSeq = [];
                            message.firstSeq.push(reader.uint64());
                            continue;
                        }
                    case 2: {
                            if (wireType === 2) {
                                if (!(message.lastSeq && message.lastSeq.length))
                                    message.lastSeq = [];
                                reader.uint64s(message.lastSeq);
                                continue;
                            }
                            if (wireType !== 0)
                                break;
                            if (!(message.lastSeq && message.lastSeq.length))
                                message.lastSeq = [];
                            message.lastSeq.push(reader.uint64());
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.reason = value;
                            else
                                delete message.reason;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.count = value;
                            else
                                delete message.count;
                            continue;
                        }
                    case 5: {
                            if (wireType === 2) {
                                if (!(message.kinds && message.kinds.length))
                                    message.kinds = [];
                                reader.int32s(message.kinds);
                                continue;
                            }
                            if (wireType !== 0)
                                break;
                            if (!(message.kinds && message.kinds.length))
                                message.kinds = [];
                            message.kinds.push(reader.int32());
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Decodes a Gap message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof lookout.v1.Gap
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {lookout.v1.Gap & lookout.v1.Gap.$Shape} Gap
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Gap.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a Gap message.
             * @function verify
             * @memberof lookout.v1.Gap
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            Gap.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.firstSeq != null && $Object.hasOwnProperty.call(message, "firstSeq")) {
                    if (!$Array.isArray(message.firstSeq))
                        return "firstSeq: array expected";
                    for (let i = 0; i < message.firstSeq.length; ++i)
                        if (!$util.isInteger(message.firstSeq[i]) && !(message.firstSeq[i] && $util.isInteger(message.firstSeq[i].low) && $util.isInteger(message.firstSeq[i].high)))
                            return "firstSeq: integer|Long[] expected";
                }
                if (message.lastSeq != null && $Object.hasOwnProperty.call(message, "lastSeq")) {
                    if (!$Array.isArray(message.lastSeq))
                        return "lastSeq: array expected";
                    for (let i = 0; i < message.lastSeq.length; ++i)
                        if (!$util.isInteger(message.lastSeq[i]) && !(message.lastSeq[i] && $util.isInteger(message.lastSeq[i].low) && $util.isInteger(message.lastSeq[i].high)))
                            return "lastSeq: integer|Long[] expected";
                }
                if (message.reason != null && $Object.hasOwnProperty.call(message, "reason"))
                    if (typeof message.reason !== "number" || (message.reason | 0) !== message.reason)
                        return "reason: enum value expected";
                if (message.count != null && $Object.hasOwnProperty.call(message, "count"))
                    if (!$util.isInteger(message.count) && !(message.count && $util.isInteger(message.count.low) && $util.isInteger(message.count.high)))
                        return "count: integer|Long expected";
                if (message.kinds != null && $Object.hasOwnProperty.call(message, "kinds")) {
                    if (!$Array.isArray(message.kinds))
                        return "kinds: array expected";
                    for (let i = 0; i < message.kinds.length; ++i)
                        if (typeof message.kinds[i] !== "number" || (message.kinds[i] | 0) !== message.kinds[i])
                            return "kinds: enum value[] expected";
                }
                return null;
            };

            /**
             * Creates a Gap message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof lookout.v1.Gap
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {lookout.v1.Gap} Gap
             */
            Gap.fromObject = function (object, _depth) {
                if (object instanceof $root.lookout.v1.Gap)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".lookout.v1.Gap: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.lookout.v1.Gap();
                if (object.firstSeq) {
                    if (!$Array.isArray(object.firstSeq))
                        throw $TypeError(".lookout.v1.Gap.firstSeq: array expected");
                    message.firstSeq = $Array(object.firstSeq.length);
                    for (let i = 0; i < object.firstSeq.length; ++i)
                        if ($util.Long)
                            message.firstSeq[i] = $util.Long.fromValue(object.firstSeq[i], true);
                        else if (typeof object.firstSeq[i] === "string")
                            message.firstSeq[i] = $parseInt(object.firstSeq[i], 10);
                        else if (typeof object.firstSeq[i] === "number")
                            message.firstSeq[i] = object.firstSeq[i];
                        else if (typeof object.firstSeq[i] === "object")
                            message.firstSeq[i] = new $util.LongBits(object.firstSeq[i].low >>> 0, object.firstSeq[i].high >>> 0).toNumber(true);
                }
                if (object.lastSeq) {
                    if (!$Array.isArray(object.lastSeq))
                        throw $TypeError(".lookout.v1.Gap.lastSeq: array expected");
                    message.lastSeq = $Array(object.lastSeq.length);
                    for (let i = 0; i < object.lastSeq.length; ++i)
                        if ($util.Long)
                            message.lastSeq[i] = $util.Long.fromValue(object.lastSeq[i], true);
                        else if (typeof object.lastSeq[i] === "string")
                            message.lastSeq[i] = $parseInt(object.lastSeq[i], 10);
                        else if (typeof object.lastSeq[i] === "number")
                            message.lastSeq[i] = object.lastSeq[i];
                        else if (typeof object.lastSeq[i] === "object")
                            message.lastSeq[i] = new $util.LongBits(object.lastSeq[i].low >>> 0, object.lastSeq[i].high >>> 0).toNumber(true);
                }
                if (object.reason !== 0 && (typeof object.reason !== "string" || $root.lookout.v1.GapReason[object.reason] !== 0))
                    switch (object.reason) {
                    case "GAP_REASON_UNSPECIFIED":
                    case 0:
                        message.reason = 0;
                        break;
                    case "GAP_REASON_QUOTA":
                    case 1:
                        message.reason = 1;
                        break;
                    case "GAP_REASON_EXPIRED":
                    case 2:
                        message.reason = 2;
                        break;
                    case "GAP_REASON_CORRUPT":
                    case 3:
                        message.reason = 3;
                        break;
                    case "GAP_REASON_DISK_FULL":
                    case 4:
                        message.reason = 4;
                        break;
                    default:
                        if (typeof object.reason === "number" && (object.reason | 0) === object.reason)
                            message.reason = object.reason;
                    }
                if (object.count != null)
                    if (typeof object.count === "object" ? object.count.low || object.count.high : $Number(object.count) !== 0)
                        if ($util.Long)
                            message.count = $util.Long.fromValue(object.count, true);
                        else if (typeof object.count === "string")
                            message.count = $parseInt(object.count, 10);
                        else if (typeof object.count === "number")
                            message.count = object.count;
                        else if (typeof object.count === "object")
                            message.count = new $util.LongBits(object.count.low >>> 0, object.count.high >>> 0).toNumber(true);
                if (object.kinds) {
                    if (!$Array.isArray(object.kinds))
                        throw $TypeError(".lookout.v1.Gap.kinds: array expected");
                    message.kinds = [];
                    for (let i = 0; i < object.kinds.length; ++i)
                        switch (object.kinds[i]) {
                        case "KIND_UNSPECIFIED":
                        case 0:
                            message.kinds[message.kinds.length] = 0;
                            break;
                        case "KIND_BIRTH":
                        case 1:
                            message.kinds[message.kinds.length] = 1;
                            break;
                        case "KIND_STATE":
                        case 2:
                            message.kinds[message.kinds.length] = 2;
                            break;
                        case "KIND_PLOTS":
                        case 3:
                            message.kinds[message.kinds.length] = 3;
                            break;
                        case "KIND_TRACKS":
                        case 4:
                            message.kinds[message.kinds.length] = 4;
                            break;
                        case "KIND_ALERTS":
                        case 5:
                            message.kinds[message.kinds.length] = 5;
                            break;
                        case "KIND_STATUS":
                        case 6:
                            message.kinds[message.kinds.length] = 6;
                            break;
                        case "KIND_GAP":
                        case 7:
                            message.kinds[message.kinds.length] = 7;
                            break;
                        default:
                            if (typeof object.kinds[i] === "number" && (object.kinds[i] | 0) === object.kinds[i])
                                message.kinds[message.kinds.length] = object.kinds[i];
                        }
                }
                return message;
            };

            /**
             * Creates a plain object from a Gap message. Also converts values to other types if specified.
             * @function toObject
             * @memberof lookout.v1.Gap
             * @static
             * @param {lookout.v1.Gap} message Gap
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            Gap.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.arrays || options.defaults) {
                    object.firstSeq = [];
                    object.lastSeq = [];
                    object.kinds = [];
                }
                if (options.defaults) {
                    object.reason = options.enums === $String ? "GAP_REASON_UNSPECIFIED" : 0;
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.count = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.count = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                }
                if (message.firstSeq && message.firstSeq.length) {
                    object.firstSeq = $Array(message.firstSeq.length);
                    for (let j = 0; j < message.firstSeq.length; ++j)
                        if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                            object.firstSeq[j] = typeof message.firstSeq[j] === "number" ? $BigInt(message.firstSeq[j]) : $util.Long.fromBits(message.firstSeq[j].low >>> 0, message.firstSeq[j].high >>> 0, true).toBigInt();
                        else if (typeof message.firstSeq[j] === "number")
                            object.firstSeq[j] = options.longs === $String ? $String(message.firstSeq[j]) : message.firstSeq[j];
                        else
                            object.firstSeq[j] = options.longs === $String ? $util.Long.prototype.toString.call(message.firstSeq[j]) : options.longs === $Number ? new $util.LongBits(message.firstSeq[j].low >>> 0, message.firstSeq[j].high >>> 0).toNumber(true) : message.firstSeq[j];
                }
                if (message.lastSeq && message.lastSeq.length) {
                    object.lastSeq = $Array(message.lastSeq.length);
                    for (let j = 0; j < message.lastSeq.length; ++j)
                        if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                            object.lastSeq[j] = typeof message.lastSeq[j] === "number" ? $BigInt(message.lastSeq[j]) : $util.Long.fromBits(message.lastSeq[j].low >>> 0, message.lastSeq[j].high >>> 0, true).toBigInt();
                        else if (typeof message.lastSeq[j] === "number")
                            object.lastSeq[j] = options.longs === $String ? $String(message.lastSeq[j]) : message.lastSeq[j];
                        else
                            object.lastSeq[j] = options.longs === $String ? $util.Long.prototype.toString.call(message.lastSeq[j]) : options.longs === $Number ? new $util.LongBits(message.lastSeq[j].low >>> 0, message.lastSeq[j].high >>> 0).toNumber(true) : message.lastSeq[j];
                }
                if (message.reason != null && $Object.hasOwnProperty.call(message, "reason"))
                    object.reason = options.enums === $String ? $root.lookout.v1.GapReason[message.reason] === $undefined ? message.reason : $root.lookout.v1.GapReason[message.reason] : message.reason;
                if (message.count != null && $Object.hasOwnProperty.call(message, "count"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.count = typeof message.count === "number" ? $BigInt(message.count) : $util.Long.fromBits(message.count.low >>> 0, message.count.high >>> 0, true).toBigInt();
                    else if (typeof message.count === "number")
                        object.count = options.longs === $String ? $String(message.count) : message.count;
                    else
                        object.count = options.longs === $String ? $util.Long.prototype.toString.call(message.count) : options.longs === $Number ? new $util.LongBits(message.count.low >>> 0, message.count.high >>> 0).toNumber(true) : message.count;
                if (message.kinds && message.kinds.length) {
                    object.kinds = $Array(message.kinds.length);
                    for (let j = 0; j < message.kinds.length; ++j)
                        object.kinds[j] = options.enums === $String ? $root.lookout.v1.Kind[message.kinds[j]] === $undefined ? message.kinds[j] : $root.lookout.v1.Kind[message.kinds[j]] : message.kinds[j];
                }
                return object;
            };

            /**
             * Converts this Gap to JSON.
             * @function toJSON
             * @memberof lookout.v1.Gap
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            Gap.prototype.toJSON = function() {
                return Gap.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for Gap
             * @function getTypeUrl
             * @memberof lookout.v1.Gap
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            Gap.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/lookout.v1.Gap";
            };

            return Gap;
        })();

        return v1;
    })();

    return lookout;
})();

export {
  $root as default
};
